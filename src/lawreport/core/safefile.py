"""Reading input files safely: only regular files, and never more than a size limit.

A FIFO blocks a read forever, /dev/zero never ends, a folder cannot be read as a file: each is
refused with its path before a byte is read.  The file is opened with O_NONBLOCK and checked again
after opening, so a FIFO swapped in between the check and the open cannot hang the build either.
"""

from __future__ import annotations

import os
import stat

from lawreport.core.errors import LawreportError

MB = 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def special_kind(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)"…), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def is_regular(path) -> bool:
    """A regular file (after symlinks), without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def open_regular(path) -> int:
    """A read-only descriptor of a regular file; LawreportError for anything else."""
    where = str(path)
    try:
        kind = special_kind(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            kind = special_kind(os.fstat(fd).st_mode)
            if kind is None:
                return fd
            os.close(fd)
    except OSError as exc:
        raise LawreportError(f"cannot read: {exc.strerror}", where) from None
    raise LawreportError(f"cannot read: it is {kind}, not a regular file (refused unread)", where)


def read_bytes(path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (reads limit + 1 bytes at most)."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as f:
        size = os.fstat(fd).st_size
        try:
            data = b"" if size > limit else f.read(limit + 1)
        except OSError as exc:
            raise LawreportError(f"cannot read: {exc.strerror}", str(path)) from None
    if size > limit:
        raise LawreportError(f"file is {size / 1e6:.1f} MB; a {what} is at most {_mb(limit)}", str(path))
    if len(data) > limit:  # it grew while being read
        raise LawreportError(f"file is larger than {_mb(limit)}, the most a {what} can be", str(path))
    return data


def read_text(path, limit: int, what: str = "file") -> str:
    """UTF-8 text (a BOM is dropped) of a regular file; a decoding error names its line."""
    data = read_bytes(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LawreportError(f"not UTF-8 (byte {exc.start})", str(path), line) from None


def _mb(limit: int) -> str:
    if limit >= MB:
        return f"{limit // MB} MB"
    return f"{limit // 1024} KB" if limit >= 1024 else f"{limit} bytes"


def umask() -> int:
    """The process umask, read without changing it where the system allows (threads run in serve)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def mode_for_new(folder: bool = False) -> int:
    """The mode open()/mkdir() would give under the umask (tempfile makes 0600/0700 instead)."""
    return (0o777 if folder else 0o666) & ~umask()
