"""The registry of synchronised tables against the real schema, and its record conversions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.packets import sync_tables
from app.packets.sync_tables import TABLES, Column
from app.services.workspace import Workspace
from tests.app.packets.helpers import sample_records, student


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_registered_table_matches_its_database_table(
    workspace: Workspace, table: sync_tables.SyncTable
) -> None:
    # A column added by a migration but not registered would silently stay out of packets.
    columns = set(workspace.db[table.name].columns_dict)
    assert columns == set(table.all_columns)
    assert table.key in columns and table.key == "uuid"
    if table.owner_column is not None:
        assert table.owner_column in table.content_columns


def test_sample_records_are_valid_and_convert_to_rows_and_back() -> None:
    for name, records in sample_records().items():
        table = sync_tables.TABLES_BY_NAME[name]
        for record in records:
            assert table.validate(record) == []
            row = table.row_from_record(record)
            assert row["deleted"] == 0
            assert table.record_from_row(row) == record


def test_validation_names_the_column_and_the_problem() -> None:
    students = sync_tables.STUDENTS
    assert students.validate(student(1, birth_date="2016-13-01")) == [
        "birth_date is not a date ('2016-13-01')"
    ]
    assert students.validate(student(1, pe_exempt=1)) == ["pe_exempt is not true/false"]
    assert students.validate(student(1, name="  ")) == ["name is empty"]
    assert students.validate(student(1, id_number="1" * 18)) == []  # shape only; see advice
    assert students.validate(student(1, class_uuid="X")) == ["class_uuid is malformed ('X')"]
    problems = students.validate({"uuid": "x"})
    assert len(problems) == 1 and "missing" in problems[0]


def test_advice_reports_domain_rules_the_schema_does_not_enforce() -> None:
    assert sync_tables.STUDENTS.advice is not None
    assert sync_tables.STUDENTS.advice(student(1)) == []
    assert sync_tables.STUDENTS.advice(student(1, id_number="410308201603090011"))  # bad check char


@given(st.one_of(st.integers(), st.booleans(), st.none(), st.text(max_size=5), st.floats()))
def test_an_int_column_accepts_only_integers_in_range(value: object) -> None:
    column = Column("n", "int", min_value=1, max_value=9)
    ok = type(value) is int and 1 <= value <= 9  # type: ignore[operator]
    assert (column.problem(value) is None) == ok


def test_content_is_what_a_merge_compares() -> None:
    record = student(1)
    content = sync_tables.STUDENTS.content(record)
    assert "revision" not in content and "updated_at" not in content
    assert content["deleted"] is False and content["name"] == record["name"]
