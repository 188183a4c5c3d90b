"""PyInstaller entry point of the windowed ``baosong`` executable."""

import multiprocessing
import sys

# The bureau's intake reads packets in a worker process started by "spawn", which runs this
# executable again: freeze_support turns that run into the worker before anything else starts.
multiprocessing.freeze_support()

from ui.__main__ import main  # noqa: E402  (after freeze_support, as PyInstaller requires)

sys.exit(main())
