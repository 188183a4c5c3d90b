"""Expected problems versus bugs.

A ``UserError`` is something the user can fix: it carries what happened and what to do, is shown as
a plain message (exit code 1 on the CLI) and never as a traceback. Anything else is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on. ``str()`` gives the whole message."""

    def __init__(self, what: str, todo: str = "") -> None:
        self.what = what
        self.todo = todo
        # Chinese sentences end in full-width punctuation and need no space before the next one.
        gap = "" if what.endswith(("。", "！", "？", "：", "；")) else " "
        super().__init__(f"{what}{gap}{todo}".strip())


class WorkspaceError(UserError):
    """The data directory or its database cannot be used as it is."""


class NewerDatabaseError(WorkspaceError):
    """The database was written by a newer version of Baosong."""


class ValidationError(UserError):
    """A value that breaks a domain rule (identifier, code, date)."""


class ImportFileError(UserError):
    """A file that cannot be imported at all (unreadable, wrong format, no header)."""


class NotFoundError(UserError):
    """A record the user named does not exist."""


class Cancelled(Exception):
    """A long operation was cancelled by its caller; nothing was committed."""
