"""Qt's own messages (qWarning and friends) routed into Python logging.

Without this, Qt prints straight to stderr, which a Windows GUI process does not have, so the
warnings that explain a blank widget or a failed signal connection would be lost. With it they land
in the workspace log file next to our own messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None] | None

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

# Platform noise that says nothing about our code; logged at DEBUG so it never alarms anyone.
_HARMLESS_PREFIXES = (
    "This plugin does not support propagateSizeHints",
    "QFont::setPointSize",
)


def qt_message_handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    text = message or "(empty Qt message)"
    if text.startswith(_HARMLESS_PREFIXES):
        level = logging.DEBUG
    else:
        level = _LEVELS.get(msg_type, logging.WARNING)
    category = context.category if context.category not in (None, "default") else ""
    name = f"qt.{category}" if category else "qt"
    logger = logging.getLogger(name)
    if not logger.isEnabledFor(level):
        return
    record = logger.makeRecord(
        name,
        level,
        context.file or "(qt)",
        context.line or 0,
        text,
        (),
        None,
        func=context.function or None,
    )
    logger.handle(record)


def install() -> MessageHandler:
    """Install the handler; returns the previous one so a caller can restore it."""
    return qInstallMessageHandler(qt_message_handler)


def restore(previous: MessageHandler) -> None:
    qInstallMessageHandler(previous)
