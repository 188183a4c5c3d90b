"""The Qt binding itself must not corrupt reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that returns
nothing; a fresh process aborts ("deallocating None") after a few thousand such calls, i.e. after
a clerk types a class of results. pyproject pins a version without the bug; this test fails if a
broken version comes back. It runs in a fresh process because pytest's own process holds so many
references to ``None`` that the crash would take millions of calls there.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
for _ in range(20000):
    w.update()
    w.isVisible()
    w.setEnabled(True)
after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
print(before[0] - after[0], before[1] - after[1], before[2] - after[2])
"""


def test_void_and_bool_qt_calls_keep_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lost = [int(x) for x in done.stdout.split()]
    assert lost == [0, 0, 0], f"references lost to None/True/False: {lost}"
