"""Awards (获奖) and their winners; the record is shared by arts, sports and labor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from app.arts.constants import AwardDomain, AwardLevel, AwardRank
from app.arts.models import Award
from db.records import meta_from_row

AWARD_COLUMNS = (
    "school_code",
    "domain",
    "event",
    "category",
    "organizer",
    "organizer_is_education_authority",
    "level",
    "rank",
    "rank_text",
    "date",
    "certificate_no",
    "on_moe_whitelist",
    "adviser",
    "team_name",
    "note",
)


def award_from_row(r: dict[str, Any], winners: Sequence[str] = ()) -> Award:
    whitelist = r["on_moe_whitelist"]
    return Award(
        school_code=r["school_code"],
        domain=AwardDomain(r["domain"]),
        event=r["event"],
        organizer=r["organizer"],
        organizer_is_education_authority=bool(r["organizer_is_education_authority"]),
        level=AwardLevel(r["level"]),
        rank=AwardRank(r["rank"]),
        rank_text=r["rank_text"],
        date=dt.date.fromisoformat(r["date"]),
        certificate_no=r["certificate_no"],
        on_moe_whitelist=None if whitelist is None else bool(whitelist),
        adviser=r["adviser"],
        team_name=r["team_name"],
        category=r["category"],
        note=r["note"],
        meta=meta_from_row(r),
        winners=tuple(winners),
    )


def _winners_of(db: Database, award_uuids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not award_uuids:
        return out
    # Chunked: a school's awards of many years could pass SQLite's variable limit.
    for start in range(0, len(award_uuids), 500):
        chunk = award_uuids[start : start + 500]
        for award_uuid, student_uuid in db.execute(
            "SELECT award_uuid, student_uuid FROM award_winners WHERE deleted = 0 AND award_uuid"
            f" IN ({', '.join('?' for _ in chunk)}) ORDER BY rowid",
            list(chunk),
        ):
            out.setdefault(award_uuid, []).append(student_uuid)
    return out


def get_award(db: Database, uuid: str) -> Award | None:
    rows = list(db.query("SELECT * FROM awards WHERE uuid = ?", [uuid]))
    if not rows:
        return None
    return award_from_row(rows[0], _winners_of(db, [uuid]).get(uuid, ()))


def list_awards(
    db: Database,
    school_code: str,
    *,
    domain: AwardDomain | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    student_uuid: str | None = None,
) -> list[Award]:
    """Active awards of the school, newest first, with their winners."""
    where, params = ["a.school_code = ?", "a.deleted = 0"], [school_code]
    if domain is not None:
        where.append("a.domain = ?")
        params.append(domain.value)
    if date_from is not None:
        where.append("a.date >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("a.date <= ?")
        params.append(date_to.isoformat())
    if student_uuid is not None:
        where.append(
            "a.uuid IN (SELECT award_uuid FROM award_winners WHERE student_uuid = ? AND deleted = 0)"
        )
        params.append(student_uuid)
    rows = list(
        db.query(
            f"SELECT a.* FROM awards a WHERE {' AND '.join(where)} ORDER BY a.date DESC, a.rowid",
            params,
        )
    )
    winners = _winners_of(db, [r["uuid"] for r in rows])
    return [award_from_row(r, winners.get(r["uuid"], ())) for r in rows]


def active_winners(db: Database, award_uuid: str) -> dict[str, str]:
    """student uuid → winner record uuid."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT student_uuid, uuid FROM award_winners WHERE award_uuid = ? AND deleted = 0",
            [award_uuid],
        )
    }


def winner_keys(db: Database, school_code: str) -> set[tuple[str, str, str, str, str, str]]:
    """(student uuid, event, organizer, date, level, rank text) of every active award winner:
    what an import compares against so a file imported twice adds nothing."""
    return {
        (r[0], r[1], r[2], r[3], r[4], r[5])
        for r in db.execute(
            "SELECT w.student_uuid, a.event, a.organizer, a.date, a.level, a.rank_text"
            " FROM award_winners w JOIN awards a ON a.uuid = w.award_uuid"
            " WHERE a.school_code = ? AND a.deleted = 0 AND w.deleted = 0",
            [school_code],
        )
    }
