"""PyInstaller entry point of the console ``baosong-cli`` executable."""

import sys

from app.cli import main

sys.exit(main())
