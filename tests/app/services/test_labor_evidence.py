"""Evidence files: stored by hash, deduplicated, limited in size and type, rows that travel."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import NotFoundError, UserError
from app.services import labor_evidence as le
from app.services import labor_records as lr
from app.services.workspace import Workspace
from tests.app.services.labor_helpers import LaborSchool, draft, everyone, make_labor_school
from tests.conftest import TODAY

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(range(256)) * 4


@pytest.fixture
def school(school_ws: Workspace) -> LaborSchool:
    return make_labor_school(school_ws)


@pytest.fixture
def activity(school: LaborSchool) -> str:
    return lr.record_activity(
        school.ws.db, draft(), everyone(school.grade_1), actor="t", today=TODAY
    )


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_photo_is_stored_by_its_hash(school: LaborSchool, activity: str, tmp_path: Path) -> None:
    ws = school.ws
    photo = write(tmp_path, "整理书包.JPG", JPEG)
    e = le.add_evidence(ws.db, ws.paths.evidence, photo, activity_uuid=activity, actor="t")

    digest = hashlib.sha256(JPEG).hexdigest()
    assert (e.sha256, e.file_name, e.mime, e.size) == (
        digest,
        "整理书包.JPG",
        "image/jpeg",
        len(JPEG),
    )
    stored = ws.paths.evidence / digest[:2] / digest
    assert stored.read_bytes() == JPEG
    assert le.read_evidence(ws.paths.evidence, digest) == JPEG
    assert le.list_evidence(ws.db, activity) == [e]
    assert lr.list_activities(ws.db)[0].evidence == 1


def test_the_same_file_is_kept_once(school: LaborSchool, activity: str, tmp_path: Path) -> None:
    ws = school.ws
    first = le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "a.jpg", JPEG), activity_uuid=activity, actor="t"
    )
    again = le.add_evidence(
        ws.db,
        ws.paths.evidence,
        write(tmp_path, "copy.jpg", JPEG),
        activity_uuid=activity,
        actor="t",
    )
    assert again == first  # same target, same content: the existing attachment

    other = lr.record_activity(
        ws.db, draft(project="叠衣服"), everyone(school.grade_3), actor="t", today=TODAY
    )
    second = le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "b.jpg", JPEG), activity_uuid=other, actor="t"
    )
    assert second.meta.uuid != first.meta.uuid and second.sha256 == first.sha256
    files = [p for p in ws.paths.evidence.rglob("*") if p.is_file()]
    assert len(files) == 1


def test_a_student_specific_photo(school: LaborSchool, activity: str, tmp_path: Path) -> None:
    ws = school.ws
    participation = lr.activity_detail(ws.db, activity).participants[0].meta.uuid
    e = le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "p.png", b"\x89PNG\r\n\x1a\n" + b"x" * 10),
        activity_uuid=activity, participation_uuid=participation, actor="t",
    )  # fmt: skip
    assert e.participation_uuid == participation and e.mime == "image/png"
    with pytest.raises(NotFoundError):
        le.add_evidence(
            ws.db, ws.paths.evidence, write(tmp_path, "q.png", b"\x89PNG\r\n\x1a\nyy"),
            activity_uuid=activity, participation_uuid="not-a-participant", actor="t",
        )  # fmt: skip


def test_size_limit_type_and_content_are_checked(
    school: LaborSchool, activity: str, tmp_path: Path
) -> None:
    ws = school.ws
    lr.save_labor_config(ws.db, replace(lr.labor_config(ws.db), evidence_max_bytes=2048))

    def attach(name: str, data: bytes) -> None:
        le.add_evidence(
            ws.db, ws.paths.evidence, write(tmp_path, name, data), activity_uuid=activity, actor="t"
        )

    attach("exact.jpg", JPEG[:4] + b"\x00" * 2044)  # exactly the limit is accepted
    with pytest.raises(UserError, match="larger than"):
        attach("big.jpg", JPEG[:4] + b"\x00" * 2045)
    with pytest.raises(UserError, match="cannot be attached"):
        attach("tool.exe", b"MZ\x90\x00")
    with pytest.raises(UserError, match=r"not really a \.jpg"):
        attach("renamed.jpg", b"MZ\x90\x00")
    with pytest.raises(UserError, match="empty"):
        attach("empty.pdf", b"")
    attach("report.pdf", b"%PDF-1.7\n...")
    assert len(le.list_evidence(ws.db, activity)) == 2


def test_removing_tombstones_the_row_and_keeps_the_file(
    school: LaborSchool, activity: str, tmp_path: Path
) -> None:
    ws = school.ws
    e = le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "a.jpg", JPEG), activity_uuid=activity, actor="t"
    )
    le.remove_evidence(ws.db, e.meta.uuid, actor="t")
    assert le.list_evidence(ws.db, activity) == []
    assert le.read_evidence(ws.paths.evidence, e.sha256) == JPEG


def test_missing_and_damaged_files_are_found(
    school: LaborSchool, activity: str, tmp_path: Path
) -> None:
    ws = school.ws
    e = le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "a.jpg", JPEG), activity_uuid=activity, actor="t"
    )
    assert le.missing_files(ws.db, ws.paths.evidence) == []
    le.evidence_path(ws.paths.evidence, e.sha256).write_bytes(b"tampered")
    with pytest.raises(NotFoundError):
        le.read_evidence(ws.paths.evidence, e.sha256)
    le.evidence_path(ws.paths.evidence, e.sha256).unlink()
    assert le.missing_files(ws.db, ws.paths.evidence) == [e.sha256]
    # Attaching the file again repairs the store.
    le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "b.jpg", JPEG), activity_uuid=activity, actor="t"
    )
    assert le.read_evidence(ws.paths.evidence, e.sha256) == JPEG


def test_deleting_the_activity_tombstones_its_evidence(
    school: LaborSchool, activity: str, tmp_path: Path
) -> None:
    ws = school.ws
    le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "a.jpg", JPEG), activity_uuid=activity, actor="t"
    )
    lr.delete_activity(ws.db, activity, actor="t")
    assert ws.db.execute("SELECT deleted FROM labor_evidence").fetchall() == [(1,)]
    with pytest.raises(NotFoundError):
        le.add_evidence(
            ws.db,
            ws.paths.evidence,
            write(tmp_path, "b.jpg", JPEG),
            activity_uuid=activity,
            actor="t",
        )


def test_removing_a_participant_tombstones_their_own_photo(
    school: LaborSchool, activity: str, tmp_path: Path
) -> None:
    ws = school.ws
    detail = lr.activity_detail(ws.db, activity)
    first, *others = detail.participants
    le.add_evidence(
        ws.db,
        ws.paths.evidence,
        write(tmp_path, "all.jpg", JPEG),
        activity_uuid=activity,
        actor="t",
    )
    le.add_evidence(
        ws.db, ws.paths.evidence, write(tmp_path, "own.jpg", JPEG + b"1"),
        activity_uuid=activity, participation_uuid=first.meta.uuid, actor="t",
    )  # fmt: skip
    kept = everyone(tuple(p.student_uuid for p in others))
    lr.update_activity(ws.db, activity, draft(), kept, actor="t", today=TODAY)
    assert [e.file_name for e in le.list_evidence(ws.db, activity)] == ["all.jpg"]
