"""Stage 1: source text -> Report.  See ``parse_source`` for the order of the steps."""

from lawreport.parse.pipeline import ParseResult, parse_source, parse_text

__all__ = ["ParseResult", "parse_source", "parse_text"]
