"""Simplified/Traditional conversion with OpenCC; one cached converter per direction."""

from __future__ import annotations

from functools import lru_cache

import opencc

HANS, HANT = "zh-Hans", "zh-Hant"
SCRIPTS = (HANS, HANT)


@lru_cache(maxsize=None)
def _converter(config: str) -> "opencc.OpenCC":
    return opencc.OpenCC(config)


def to_hans(text: str) -> str:
    # tw2s, not t2s: it also maps the Traditional forms that t2s keeps (著力 -> 着力,
    # 存在著 -> 存在着), which is how these reports read in their official Simplified
    return _converter("tw2s").convert(text) if text else text


def to_hant(text: str) -> str:
    return _converter("s2t").convert(text) if text else text


def convert(text: str, source_script: str, target_script: str) -> str:
    """Render stored text (in ``source_script``) in ``target_script``; identity if they match."""
    if source_script == target_script or not text:
        return text
    return to_hans(text) if target_script == HANS else to_hant(text)


def detect(text: str) -> str:
    """zh-Hant if converting to Simplified changes more characters than converting to Traditional."""
    sample = text[:20000]
    to_s = sum(a != b for a, b in zip(sample, to_hans(sample)))
    to_t = sum(a != b for a, b in zip(sample, to_hant(sample)))
    return HANT if to_s > to_t else HANS
