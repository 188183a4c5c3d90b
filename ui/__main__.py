"""``baosong`` / ``python -m ui``: start the desktop application."""

from __future__ import annotations

import sys


def main() -> int:
    from ui.application import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
