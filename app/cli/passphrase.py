"""Where the CLI gets a key passphrase: ``--passphrase-file FILE``, else ``$BAOSONG_PASSPHRASE``,
else a hidden prompt (twice when a key is being created). Never from a plain argument, which
would end up in the shell history and the process list."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.errors import UserError
from app.i18n import tr
from app.services.keys_service import AskPassphrase

PASSPHRASE_ENV = "BAOSONG_PASSPHRASE"


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the key passphrase from FILE (else ${PASSPHRASE_ENV}, else ask)",
    )


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from the file or the environment, without prompting."""
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(
                tr("The passphrase file {path} cannot be read.", path=path),
                tr("Check the file name."),
            ) from exc
        # Only the line ending is dropped: spaces may be part of a passphrase.
        text = text.removesuffix("\n").removesuffix("\r")
        if not text:
            raise UserError(tr("The passphrase file {path} is empty.", path=path), "")
        return text
    return os.environ.get(PASSPHRASE_ENV) or None


def asker(args: argparse.Namespace) -> AskPassphrase:
    def ask(confirm: bool) -> str:
        given = given_passphrase(args)
        if given is not None:
            return given
        if not sys.stdin.isatty():
            raise UserError(
                tr("A key passphrase is needed and there is no terminal to ask for it."),
                tr("Give it with --passphrase-file FILE or the BAOSONG_PASSPHRASE variable."),
            )
        if confirm:
            print(tr("A new key is made now; choose a passphrase to protect it."), file=sys.stderr)
        first = getpass.getpass(tr("Key passphrase: "))
        if confirm and getpass.getpass(tr("Same passphrase again: ")) != first:
            raise UserError(
                tr("The two passphrases differ."), tr("Nothing was created; try again.")
            )
        return first

    return ask
