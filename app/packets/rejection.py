"""Why a packet is refused: a stable machine code plus a translated reason.

The code is what the bureau's ledger stores and what tests assert; the message is for people.
Every failure of reading, verifying or decrypting a packet is a ``PacketRejected``: the packet is
refused whole and nothing from it may be used.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from app.errors import UserError
from app.i18n import tr


class RejectCode(StrEnum):
    # container (no key needed)
    NOT_A_PACKET = "not_a_packet"
    VERSION = "version"
    TRUNCATED = "truncated"
    TRAILING_DATA = "trailing_data"
    TOO_LARGE = "too_large"
    BAD_HEADER = "bad_header"
    # sender and integrity (public keys only, before decrypting)
    UNKNOWN_KEY = "unknown_key"
    REVOKED_KEY = "revoked_key"
    ROTATED_KEY = "rotated_key"
    WRONG_SCHOOL = "wrong_school"
    BAD_SIGNATURE = "bad_signature"
    BODY_HASH = "body_hash"
    # body (bureau private key)
    WRONG_BUREAU_KEY = "wrong_bureau_key"
    DECRYPT_FAILED = "decrypt_failed"
    BAD_ZIP = "bad_zip"
    TOO_MANY_ENTRIES = "too_many_entries"
    ZIP_BOMB = "zip_bomb"
    BAD_ENTRY_NAME = "bad_entry_name"
    UNKNOWN_TABLE = "unknown_table"
    COUNT_MISMATCH = "count_mismatch"
    BAD_JSON = "bad_json"
    INVALID_RECORD = "invalid_record"
    FOREIGN_RECORD = "foreign_record"
    DUPLICATE_RECORD = "duplicate_record"


class PacketRejected(UserError):
    """A packet refused whole. ``code`` is a RejectCode; ``detail`` is technical (for the log)."""

    def __init__(
        self, code: RejectCode, what: str, todo: str, detail: str = "", where: str = ""
    ) -> None:
        self.code = code
        self.detail = detail
        self.where = where  # the bad record's place (file:line), when there is one
        super().__init__(what, todo)


def _ask_again() -> str:
    return tr("Ask the school to export the packet again and send the new file.")


_REASONS: dict[RejectCode, Callable[[], str]] = {
    RejectCode.NOT_A_PACKET: lambda: tr("The file is not a Baosong submission packet."),
    RejectCode.VERSION: lambda: tr(
        "The packet was made in a format version this Baosong cannot read."
    ),
    RejectCode.TRUNCATED: lambda: tr("The packet file is incomplete (cut short while copying)."),
    RejectCode.TRAILING_DATA: lambda: tr("The packet file has extra data after its end."),
    RejectCode.TOO_LARGE: lambda: tr("The packet, or a part of it, is larger than allowed."),
    RejectCode.BAD_HEADER: lambda: tr("The packet's header is damaged or malformed."),
    RejectCode.UNKNOWN_KEY: lambda: tr("The packet is signed with a key that is not enrolled."),
    RejectCode.REVOKED_KEY: lambda: tr("The packet is signed with a revoked key."),
    RejectCode.ROTATED_KEY: lambda: tr(
        "The packet is signed with a school key that has since been replaced."
    ),
    RejectCode.WRONG_SCHOOL: lambda: tr(
        "The packet claims to come from one school but is signed with another school's key."
    ),
    RejectCode.BAD_SIGNATURE: lambda: tr(
        "The packet's signature is not valid: the header was changed after signing."
    ),
    RejectCode.BODY_HASH: lambda: tr(
        "The packet's contents do not match its signed header: they were changed or swapped."
    ),
    RejectCode.WRONG_BUREAU_KEY: lambda: tr(
        "The packet is encrypted for another bureau key than this bureau's."
    ),
    RejectCode.DECRYPT_FAILED: lambda: tr("The packet's contents cannot be decrypted."),
    RejectCode.BAD_ZIP: lambda: tr("The packet's contents are not a valid archive."),
    RejectCode.TOO_MANY_ENTRIES: lambda: tr("The packet's contents have too many files."),
    RejectCode.ZIP_BOMB: lambda: tr(
        "The packet's contents are compressed suspiciously strongly (a zip bomb)."
    ),
    RejectCode.BAD_ENTRY_NAME: lambda: tr(
        "The packet's contents hold a file with a forbidden name."
    ),
    RejectCode.UNKNOWN_TABLE: lambda: tr(
        "The packet holds a kind of record this Baosong does not know (it is newer)."
    ),
    RejectCode.COUNT_MISMATCH: lambda: tr(
        "The packet's contents do not match the record counts in its header."
    ),
    RejectCode.BAD_JSON: lambda: tr("A record in the packet is not valid canonical JSON."),
    RejectCode.INVALID_RECORD: lambda: tr("A record in the packet fails validation."),
    RejectCode.FOREIGN_RECORD: lambda: tr("The packet holds a record of another school."),
    RejectCode.DUPLICATE_RECORD: lambda: tr("The packet holds the same record twice."),
}

_KEY_CODES = (RejectCode.UNKNOWN_KEY, RejectCode.REVOKED_KEY, RejectCode.ROTATED_KEY)


def _todo(code: RejectCode) -> str:
    if code in _KEY_CODES:
        return tr(
            "Check the school's key fingerprint by phone and enrol its current identity file; "
            "then ask for the packet again."
        )
    if code is RejectCode.VERSION or code is RejectCode.UNKNOWN_TABLE:
        return tr("Install the newest version of Baosong, then import the packet again.")
    if code is RejectCode.WRONG_BUREAU_KEY:
        return tr("The school must trust this bureau's current public keys and export again.")
    return _ask_again()


def reject(code: RejectCode, detail: str = "", *, where: str = "") -> PacketRejected:
    """A PacketRejected with the translated reason of ``code``; ``where`` locates a bad record."""
    what = _REASONS[code]()
    if where:
        what = f"{what} ({where})"
    return PacketRejected(code, what, _todo(code), detail or code.value, where)
