"""PyInstaller entry point of the windowed ``baosong`` executable."""

import sys

from ui.__main__ import main

sys.exit(main())
