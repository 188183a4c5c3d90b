"""The submission overview (报送情况): which school sent which term, from the packet ledger.

One row per school (enrolled in the registry with a key not revoked, or held in the central
database), one cell per term. A packet covers the terms its signed header names. A cell is

* ``missing`` — no merged packet of the term (refused packets are counted in ``rejected``);
* ``submitted`` — merged, its receipt not yet signed and written;
* ``acknowledged`` — the receipt of the term's latest merged packet was written (receipts
  table, ``written_at``), i.e. sent back to the school;
* ``returned`` — the bureau returned the term's latest merged packet, or records of it, for
  correction (record_returns); a newer packet of the term replaces it and its state.

``late`` is a flag beside the state: the term's first merged packet arrived after the term's
deadline, or nothing arrived and the deadline has passed. Arrival is the bureau's receiving
time (``received_at``, UTC) as a date in China time (UTC+8): the school's own clock is not
trusted. Deadlines: ``config.DistrictConfig`` (default: the term's end + 14 days).

A sequence gap is a number below the school's highest merged sequence with no merged packet
(the chain runs across terms). The last packet is the one received last, whatever its status.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from app.i18n import tr
from app.services.district.config import load_district_config
from app.services.district.scope import (
    CHINA_UTC_OFFSET_HOURS,
    SchoolInfo,
    SchoolType,
    district_schools,
    schools_of_type,
)
from app.terms import parse_term


class CellState(StrEnum):
    MISSING = "missing"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {
            CellState.MISSING: tr("missing"),
            CellState.SUBMITTED: tr("submitted"),
            CellState.ACKNOWLEDGED: tr("acknowledged"),
            CellState.RETURNED: tr("returned"),
        }[self]

    @property
    def label_zh(self) -> str:
        return {"missing": "未报送", "submitted": "已报送", "acknowledged": "已确认",
                "returned": "已退回"}[self.value]  # fmt: skip


@dataclass(frozen=True)
class SubmissionCell:
    term: str
    state: CellState
    late: bool
    deadline: dt.date
    first_received: dt.date | None  # China date of the term's first merged packet
    last_received: dt.date | None
    packets: int  # merged packets of the term
    rejected: int  # refused packets naming the term
    latest_sequence: int | None  # of the term's latest merged packet
    returned_records: int  # records returned from that packet (0 with a whole-packet return)
    packet_returned: bool  # the whole packet was returned


@dataclass(frozen=True)
class LastPacket:
    sequence: int | None
    received_at: str  # UTC, as stored
    received_on: dt.date  # China date
    status: str  # merged | duplicate | rejected
    terms: tuple[str, ...]
    reason: str  # why it was refused (a code), '' otherwise


@dataclass(frozen=True)
class SchoolSubmissions:
    school: SchoolInfo
    enrolled: bool  # an active key in the registry
    cells: tuple[SubmissionCell, ...]  # in the order of the matrix's terms
    last_packet: LastPacket | None
    missing_sequences: tuple[int, ...]

    def cell(self, term: str) -> SubmissionCell:
        return next(c for c in self.cells if c.term == term)


@dataclass(frozen=True)
class SubmissionMatrix:
    terms: tuple[str, ...]
    deadlines: Mapping[str, dt.date]
    today: dt.date
    rows: tuple[SchoolSubmissions, ...]
    summary: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # term → state/late → n

    def row(self, school_code: str) -> SchoolSubmissions:
        return next(r for r in self.rows if r.school.code == school_code)


@dataclass(frozen=True)
class _Packet:
    sha256: str
    school_code: str
    sequence: int | None
    status: str
    received_at: str
    reason: str
    terms: tuple[str, ...]

    @property
    def received_on(self) -> dt.date:
        return china_date(self.received_at)


def china_date(utc_text: str) -> dt.date:
    """The calendar date in China of a stored UTC time (``2027-02-14T17:30:00.000000Z``)."""
    moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (moment.astimezone(dt.UTC) + dt.timedelta(hours=CHINA_UTC_OFFSET_HOURS)).date()


def _terms_of(header: str | None) -> tuple[str, ...]:
    if not header:
        return ()
    try:
        terms = json.loads(header).get("terms", [])
    except (ValueError, AttributeError):
        return ()
    return tuple(str(t) for t in terms) if isinstance(terms, list) else ()


def _packets(db: Database) -> dict[str, list[_Packet]]:
    out: dict[str, list[_Packet]] = {}
    for sha, school, seq, status, at, reason, header in db.execute(
        "SELECT sha256, school_code, sequence, status, received_at, reason, header "
        "FROM packet_ledger WHERE school_code != '' ORDER BY received_at, sequence"
    ):
        out.setdefault(school, []).append(
            _Packet(sha, school, seq, status, at, reason, _terms_of(header))
        )
    return out


def _returns(db: Database) -> dict[str, tuple[int, bool]]:
    """packet sha256 → (records returned, whole packet returned)."""
    return {
        sha: (int(records), bool(whole))
        for sha, records, whole in db.execute(
            "SELECT packet_sha256, count(record_uuid), max(table_name IS NULL) "
            "FROM record_returns GROUP BY packet_sha256"
        )
    }


def _cell(
    term: str,
    packets: Sequence[_Packet],
    deadline: dt.date,
    today: dt.date,
    written: set[str],
    returns: Mapping[str, tuple[int, bool]],
) -> SubmissionCell:
    of_term = [p for p in packets if term in p.terms]
    merged = sorted((p for p in of_term if p.status == "merged"), key=lambda p: p.sequence or 0)
    rejected = sum(p.status == "rejected" for p in of_term)
    if not merged:
        return SubmissionCell(term, CellState.MISSING, today > deadline, deadline, None, None,
                              0, rejected, None, 0, False)  # fmt: skip
    latest = merged[-1]
    records, whole = returns.get(latest.sha256, (0, False))
    if records or whole:
        state = CellState.RETURNED
    elif latest.sha256 in written:
        state = CellState.ACKNOWLEDGED
    else:
        state = CellState.SUBMITTED
    first = min(p.received_on for p in merged)
    return SubmissionCell(
        term=term,
        state=state,
        late=first > deadline,
        deadline=deadline,
        first_received=first,
        last_received=max(p.received_on for p in merged),
        packets=len(merged),
        rejected=rejected,
        latest_sequence=latest.sequence,
        returned_records=records,
        packet_returned=whole,
    )


def missing_sequences(packets: Sequence[_Packet]) -> tuple[int, ...]:
    merged = {p.sequence for p in packets if p.status == "merged" and p.sequence}
    if not merged:
        return ()
    return tuple(n for n in range(1, max(merged) + 1) if n not in merged)


def _last(packets: Sequence[_Packet]) -> LastPacket | None:
    if not packets:
        return None
    p = max(packets, key=lambda p: (p.received_at, p.sequence or 0))
    return LastPacket(p.sequence, p.received_at, p.received_on, p.status, p.terms, p.reason)


def submission_matrix(
    db: Database,
    terms: Sequence[str],
    *,
    deadlines: Mapping[str, dt.date] | None = None,
    today: dt.date | None = None,
    school_type: SchoolType | None = None,
) -> SubmissionMatrix:
    """The matrix of every school × ``terms``; ``deadlines`` overrides the configured ones."""
    codes = tuple(dict.fromkeys(parse_term(t).code for t in terms))
    today = today or dt.date.today()
    config = load_district_config(db)
    due = {t: (deadlines or {}).get(t) or config.deadline(t) for t in codes}
    packets = _packets(db)
    schools = district_schools(db)
    for code, found in packets.items():
        if code not in schools and any(p.status == "merged" for p in found):
            schools[code] = SchoolInfo(code, _header_name(db, code), "")
    schools = schools_of_type(dict(sorted(schools.items())), school_type)
    active = {
        r[0] for r in db.execute("SELECT school_code FROM school_registry WHERE status = 'active'")
    }
    written = {
        r[0] for r in db.execute("SELECT packet_sha256 FROM receipts WHERE written_at IS NOT NULL")
    }
    returns = _returns(db)
    rows = []
    for code, school in schools.items():
        mine = packets.get(code, [])
        cells = tuple(_cell(t, mine, due[t], today, written, returns) for t in codes)
        rows.append(SchoolSubmissions(school, code in active, cells, _last(mine),
                                      missing_sequences(mine)))  # fmt: skip
    return SubmissionMatrix(codes, due, today, tuple(rows), _summary(codes, rows))


def _summary(terms: Sequence[str], rows: Sequence[SchoolSubmissions]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for i, term in enumerate(terms):
        counts: Counter[str] = Counter()
        for row in rows:
            cell = row.cells[i]
            counts[cell.state.value] += 1
            counts["late"] += cell.late
        out[term] = {**{s.value: counts[s.value] for s in CellState}, "late": counts["late"]}
    return out


def _header_name(db: Database, school_code: str) -> str:
    """A school's name as its last readable packet header gives it (not enrolled, not held)."""
    row: Any = db.execute(
        "SELECT header FROM packet_ledger WHERE school_code = ? AND header IS NOT NULL "
        "ORDER BY received_at DESC LIMIT 1",
        [school_code],
    ).fetchone()
    try:
        return str(json.loads(row[0]).get("school_name", "")) if row else ""
    except (ValueError, AttributeError):
        return ""
