"""Fetch a report's page or file over http(s): a timeout, a size limit, an honest User-Agent.

urllib from the standard library is enough for one GET per report (redirects followed, the
response's charset returned for the HTML decoder to honour).
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from lawreport.core.errors import LawreportError
from lawreport.extract import MAX_ORIGINAL, version

TIMEOUT = 30.0  # seconds, for the connection and each read
# The project has no public home yet; .invalid (RFC 2606) names none rather than a wrong one.
PROJECT_URL = "https://lawreport.invalid/"


def user_agent() -> str:
    return f"lawreport/{version('lawreport')} (+{PROJECT_URL})"


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    charset: str | None
    content_type: str


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT, limit: int = MAX_ORIGINAL) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(), "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(limit + 1)
            final_url = response.geturl()
            headers: Message = response.headers
    except urllib.error.HTTPError as exc:
        raise LawreportError(f"cannot fetch: HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror \
            else str(exc.reason)
        raise LawreportError(f"cannot fetch: {reason}", url) from None
    except (socket.timeout, TimeoutError):
        raise LawreportError(f"cannot fetch: no answer within {timeout:g} s", url) from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed URL
        raise LawreportError(f"cannot fetch: {exc}", url) from None
    if len(data) > limit:
        raise LawreportError(f"cannot fetch: the response is over {limit // (1024 * 1024)} MB", url)
    return Fetched(data, final_url, headers.get_content_charset(), headers.get_content_type())
