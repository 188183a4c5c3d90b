"""``baosong-cli`` (and ``python -m app``): a stable command-line contract, documented in the README.

Exit codes: 0 success, 1 a user error (one message on stderr, no traceback), 2 bad usage.
Each command group lives in its own module with a ``register(subparsers)`` function; a command's
handler takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from app import __version__, i18n
from app.cli import bureau, demo, fitness, keys, packet, roster, school
from app.errors import UserError

log = logging.getLogger(__name__)

COMMAND_GROUPS = (school, roster, demo, fitness, bureau, packet, keys)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baosong-cli",
        description="Baosong (报送): school records and submission packets, from the command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="workspace folder (default: $BAOSONG_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help="language of messages (default: the workspace's)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on bad usage
    if args.lang:
        i18n.set_language(args.lang)
    try:
        return int(args.handler(args))
    except UserError as exc:
        print(f"baosong-cli: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); what it wanted was written. Point stdout at
        # devnull so Python's flush at exit does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("baosong-cli: interrupted; nothing was committed.", file=sys.stderr)
        return 130
