"""Evidence files of labor activities (photos, documents): stored in the workspace by content hash.

A file is kept once, at ``<evidence dir>/<sha256[:2]>/<sha256>``, however many activities it is
attached to; each attachment is a ``labor_evidence`` row (hash, original file name, type, size)
that travels in packets — the files themselves do not. Limits come from the configuration: a
size limit (default 10 MB) and a list of allowed extensions; for the common formats the content
must match the extension (a renamed .exe is not a .jpg).

Removing an attachment tombstones its row and leaves the file: other rows or exported packets
may name the same hash, and a file is cheap compared with a dangling reference.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlite_utils import Database

from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.labor.models import EvidenceFile
from app.services.labor_records import get_activity, labor_config
from db import repo_labor
from db.records import insert_record, tombstone_record

MIME_BY_EXTENSION = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "webp": "image/webp", "heic": "image/heic", "bmp": "image/bmp", "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "mp4": "video/mp4", "txt": "text/plain",
}  # fmt: skip
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Leading bytes each format must start with (offset, bytes); formats not listed are not checked.
_MAGIC: dict[str, tuple[tuple[int, bytes], ...]] = {
    "jpg": ((0, b"\xff\xd8\xff"),), "jpeg": ((0, b"\xff\xd8\xff"),),
    "png": ((0, b"\x89PNG\r\n\x1a\n"),), "gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    "webp": ((8, b"WEBP"),), "heic": ((4, b"ftyp"),), "bmp": ((0, b"BM"),),
    "pdf": ((0, b"%PDF-"),), "mp4": ((4, b"ftyp"),),
    "docx": ((0, b"PK\x03\x04"),), "xlsx": ((0, b"PK\x03\x04"),), "pptx": ((0, b"PK\x03\x04"),),
    "doc": ((0, _OLE),), "xls": ((0, _OLE),), "ppt": ((0, _OLE),),
}  # fmt: skip


def evidence_path(evidence_dir: Path, sha256: str) -> Path:
    return Path(evidence_dir) / sha256[:2] / sha256


def add_evidence(
    db: Database,
    evidence_dir: Path,
    source: Path,
    *,
    activity_uuid: str,
    participation_uuid: str | None = None,
    actor: str,
    file_name: str | None = None,
) -> EvidenceFile:
    """Attach ``source`` to an activity (or one participant of it); the same file attached to
    the same target twice gives the existing attachment back."""
    get_activity(db, activity_uuid)
    if participation_uuid is not None:
        _require_participation(db, activity_uuid, participation_uuid)
    source = Path(source)
    name = (file_name or source.name).strip() or source.name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    config = labor_config(db)
    if extension not in config.evidence_extensions or extension not in MIME_BY_EXTENSION:
        raise UserError(
            tr("Files of type '{extension}' cannot be attached.", extension=extension or name),
            tr(
                "Attach a photo or a document ({types}).",
                types=", ".join(config.evidence_extensions),
            ),
        )
    data = _read_limited(source, config.evidence_max_bytes)
    if not _content_matches(extension, data):
        raise UserError(
            tr(
                "The file {name} is not really a .{extension} file.", name=name, extension=extension
            ),
            tr("Save it again in its real format, or attach the original file."),
        )
    sha256 = hashlib.sha256(data).hexdigest()
    _store(evidence_path(evidence_dir, sha256), data)  # also repairs a missing or damaged copy
    existing = repo_labor.find_evidence(db, activity_uuid, participation_uuid, sha256)
    if existing is not None:
        return existing
    with db.atomic():
        uuid = insert_record(
            db,
            "labor_evidence",
            {
                "activity_uuid": activity_uuid,
                "participation_uuid": participation_uuid,
                "sha256": sha256,
                "file_name": name,
                "mime": MIME_BY_EXTENSION[extension],
                "size": len(data),
            },
            actor,
        )
    return _get(db, uuid)


def _require_participation(db: Database, activity_uuid: str, participation_uuid: str) -> None:
    rows = repo_labor.participation_rows(db, activity_uuid)
    if participation_uuid not in {str(r["uuid"]) for r in rows.values()}:
        raise NotFoundError(
            tr("The student is not a participant of this activity."), tr("Refresh the list.")
        )


def _read_limited(source: Path, limit: int) -> bytes:
    try:
        with source.open("rb") as fh:
            data = fh.read(limit + 1)  # never more than the limit + 1 in memory
    except OSError as exc:
        raise UserError(
            tr("The file {path} cannot be opened ({reason}).", path=source, reason=exc.strerror),
            tr("Check the file name and folder."),
        ) from None
    if len(data) > limit:
        raise UserError(
            tr(
                "The file {name} is larger than {mb} MB.",
                name=source.name,
                mb=round(limit / 2**20, 1),
            ),
            tr("Attach a smaller file, e.g. a photo at a lower resolution."),
        )
    if not data:
        raise UserError(
            tr("The file {path} is empty.", path=source), tr("Check the file name and folder.")
        )
    return data


def _content_matches(extension: str, data: bytes) -> bool:
    signatures = _MAGIC.get(extension)
    if signatures is None:
        return True
    return any(data[offset : offset + len(magic)] == magic for offset, magic in signatures)


def _store(target: Path, data: bytes) -> None:
    """Write once, atomically: a half-written file never carries a hash name."""
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == target.name:
        return  # already stored (deduplicated by content)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _get(db: Database, uuid: str) -> EvidenceFile:
    rows = list(db.query("SELECT * FROM labor_evidence WHERE uuid = ?", [uuid]))
    return repo_labor.evidence_from_row(rows[0])


def list_evidence(db: Database, activity_uuid: str) -> list[EvidenceFile]:
    return repo_labor.evidence_of(db, activity_uuid)


def remove_evidence(db: Database, uuid: str, *, actor: str) -> None:
    """Tombstone the attachment; the file stays (see the module docstring)."""
    with db.atomic():
        tombstone_record(db, "labor_evidence", uuid, actor)


def read_evidence(evidence_dir: Path, sha256: str) -> bytes:
    """The stored file, checked against its hash; NotFoundError if missing or damaged."""
    path = evidence_path(evidence_dir, sha256)
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if not data or hashlib.sha256(data).hexdigest() != sha256:
        raise NotFoundError(
            tr("The evidence file {sha} is missing or damaged.", sha=sha256[:12]),
            tr("Attach the file again."),
        )
    return data


def missing_files(db: Database, evidence_dir: Path) -> list[str]:
    """Hashes named by live evidence rows with no file here (e.g. records that came in a packet)."""
    return sorted(
        h for h in repo_labor.evidence_hashes(db) if not evidence_path(evidence_dir, h).is_file()
    )
