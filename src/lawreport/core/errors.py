"""One error type for everything a user can get wrong, reported as FILE:LINE: message."""

from __future__ import annotations


class LawreportError(Exception):
    """A problem with the user's input. The CLI prints it on one line and exits non-zero."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # keep path and line when raised in a build worker process
        return (type(self), (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: error: {self.message}" if where else f"error: {self.message}"


class UsageError(LawreportError):
    """The command line itself is wrong."""

    exit_code = 2


class SetupError(LawreportError):
    """The environment stops the command: a folder that may not be replaced, no permission, a full
    disk, a name too long for the file system.  Nothing in the content is wrong."""

    exit_code = 2
