"""Compiler-style messages about the source: ``source.txt:LINE: warning: …``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    line: int
    severity: str  # "warning" (counts for --strict) or "note"
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.severity}: {self.message}"


class Diagnostics(list):
    def warn(self, line: int, message: str) -> None:
        self.append(Diagnostic(line, "warning", message))

    def note(self, line: int, message: str) -> None:
        self.append(Diagnostic(line, "note", message))

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity == "warning"]
