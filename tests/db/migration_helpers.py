"""Building a database as an older version left it, to test what a migration does to it."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from db.migrations import MIGRATIONS


def migrations_before(name: str) -> Migrations:
    """The production migrations whose names sort before ``name`` (e.g. ``"0011"``)."""
    before = Migrations("baosong")
    for m in MIGRATIONS._migrations:
        if m.name < name:
            before(name=m.name)(m.fn)
    return before
