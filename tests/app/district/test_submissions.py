"""The submission matrix: states, lateness against deadlines (China dates), sequence gaps, the
last packet, the deadline settings, and the matrix written as a workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app.errors import UserError
from app.services.district import (
    CellState,
    DistrictConfig,
    export_submission_matrix,
    load_district_config,
    save_district_config,
    submission_matrix,
)
from app.services.district.config import config_from_json
from tests.app.district.district_fixture import SILENT, District
from tests.app.district.packets_fixture import AUTUMN, SPRING
from tests.conftest import TODAY

TERMS = (SPRING, AUTUMN)


def _states(district: District, key: str, **kw: object) -> list[tuple[CellState, bool]]:
    matrix = submission_matrix(district.ws.db, TERMS, today=TODAY, **kw)  # type: ignore[arg-type]
    code = district.codes.get(key, key)
    return [(c.state, c.late) for c in matrix.row(code).cells]


def test_every_state_of_the_matrix(district: District) -> None:
    assert _states(district, "P") == [(CellState.ACKNOWLEDGED, False), (CellState.SUBMITTED, False)]
    assert _states(district, "J") == [(CellState.ACKNOWLEDGED, True), (CellState.RETURNED, False)]
    assert _states(district, "N") == [(CellState.MISSING, True), (CellState.RETURNED, False)]
    assert _states(district, SILENT[0]) == [(CellState.MISSING, True), (CellState.MISSING, False)]


def test_lateness_is_judged_on_the_china_date_of_arrival(district: District) -> None:
    matrix = submission_matrix(district.ws.db, TERMS, today=TODAY)
    assert matrix.deadlines[SPRING] == dt.date(2026, 8, 14)  # 31 July + 14 days
    p = matrix.row(district.codes["P"]).cell(SPRING)
    j = matrix.row(district.codes["J"]).cell(SPRING)
    assert (p.first_received, p.late) == (dt.date(2026, 8, 14), False)  # 23:59:59 in China
    assert (j.first_received, j.late) == (dt.date(2026, 8, 15), True)  # 00:00 the next day


def test_returns_gaps_refusals_and_the_last_packet(district: District) -> None:
    matrix = submission_matrix(district.ws.db, TERMS, today=TODAY)
    j = matrix.row(district.codes["J"])
    assert j.missing_sequences == (2,)
    autumn = j.cell(AUTUMN)
    assert (autumn.packet_returned, autumn.rejected, autumn.latest_sequence) == (True, 1, 3)
    assert j.last_packet is not None
    assert (j.last_packet.sequence, j.last_packet.status) == (4, "rejected")
    assert j.last_packet.received_on == dt.date(2026, 11, 25)
    n = matrix.row(district.codes["N"]).cell(AUTUMN)
    assert (n.returned_records, n.packet_returned) == (1, False)
    assert matrix.row(district.codes["P"]).missing_sequences == ()
    silent = matrix.row(SILENT[0])
    assert (silent.enrolled, silent.last_packet, silent.school.name) == (True, None, SILENT[1])
    assert matrix.summary[SPRING] == {"missing": 2, "submitted": 0, "acknowledged": 2,
                                      "returned": 0, "late": 3}  # fmt: skip


def test_a_configured_deadline_makes_packets_and_gaps_late(district: District) -> None:
    db = district.ws.db
    save_district_config(db, DistrictConfig(deadlines={AUTUMN: dt.date(2026, 11, 15)}))
    assert load_district_config(db).deadline(AUTUMN) == dt.date(2026, 11, 15)
    assert _states(district, "P")[1] == (CellState.SUBMITTED, True)  # received on 20 November
    assert _states(district, "N")[1] == (CellState.RETURNED, True)  # 18 November
    assert _states(district, "J")[1] == (CellState.RETURNED, False)  # 10 November
    assert _states(district, SILENT[0])[1] == (CellState.MISSING, True)
    # A deadline given to the call wins over the configured one.
    late = {AUTUMN: dt.date(2026, 11, 30)}
    assert _states(district, "P", deadlines=late)[1] == (CellState.SUBMITTED, False)


def test_a_malformed_configuration_is_refused() -> None:
    with pytest.raises(UserError):
        config_from_json({"deadlines": {"2026-2027-3": "2027-02-01"}})
    with pytest.raises(UserError):
        config_from_json({"deadlines": {AUTUMN: "next week"}})
    assert config_from_json({"days_after_term": 30}).deadline(AUTUMN) == dt.date(2027, 3, 2)


def test_the_matrix_exports_with_a_row_per_school(district: District, tmp_path: Path) -> None:
    matrix = submission_matrix(district.ws.db, TERMS, today=TODAY)
    path = export_submission_matrix(matrix, tmp_path / "报送情况.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("报送情况").to_python()
    assert rows[0][:6] == ["学校代码", "学校名称", "学段", "已注册", SPRING, AUTUMN]
    by_code = {r[0]: r for r in rows[1:]}
    assert set(by_code) == {*district.codes.values(), SILENT[0]}
    j = by_code[district.codes["J"]]
    assert j[4:6] == ["已确认（逾期）", "已退回"]
    assert j[-1] == "2" and j[-2] == "已拒收"
    assert by_code[SILENT[0]][4] == "未报送（逾期）"
    deadlines = book.get_sheet_by_name("报送期限").to_python()
    assert deadlines[1][:2] == [SPRING, "2026-08-14"]


def test_the_export_refuses_another_format(district: District, tmp_path: Path) -> None:
    matrix = submission_matrix(district.ws.db, TERMS, today=TODAY)
    with pytest.raises(UserError):
        export_submission_matrix(matrix, tmp_path / "matrix.csv")
