"""``roster import`` end to end through the CLI: the rejection rules reach the JSON report, a file
that cannot be imported is one line on stderr, and a GBK CSV from an old system imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.app.services.roster_files import HEADERS, student_row, write_csv, write_xlsx


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "ws")
    init = ("school", "init", "--code", "2141003456", "--name", "一小", "--stage", "nine_year")
    assert run(capsys, "--data-dir", d, *init)[0] == 0
    return d


def test_duplicates_and_numeric_ids_are_listed_row_by_row(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    numeric = student_row(3)
    numeric[5] = int(str(numeric[5]))
    rows = [HEADERS, student_row(1), student_row(2), numeric, student_row(1)]
    path = write_xlsx(tmp_path / "r.xlsx", rows)
    argv = ("--data-dir", data_dir, "--lang", "en", "roster", "import", str(path), "--json")

    code, out, err = run(capsys, *argv)

    assert (code, err) == (0, "")
    report = json.loads(out)
    assert (report["created"], report["updated"], report["unchanged"]) == (1, 0, 0)
    assert [(r["row"], r["field"]) for r in report["rejected"]] == [
        (2, "学籍号"),
        (4, "身份证号"),
        (5, "学籍号"),
    ]
    assert "appears in rows 2, 5" in report["rejected"][0]["reason"]
    assert "as a number" in report["rejected"][1]["reason"]


def test_a_file_without_a_required_column_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEADERS[:-1], student_row(1)[:-1]])
    code, out, err = run(
        capsys, "--data-dir", data_dir, "--lang", "en", "roster", "import", str(path), "--json"
    )
    assert (code, out) == (1, "")
    assert err.startswith("baosong-cli: ") and err.count("\n") == 1
    assert "no column for 班级" in err


def test_a_gbk_csv_imports_and_a_second_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADERS, student_row(1), student_row(2)], encoding="gbk")
    argv = ("--data-dir", data_dir, "roster", "import", str(path), "--json")
    assert json.loads(run(capsys, *argv)[1])["created"] == 2
    assert json.loads(run(capsys, *argv)[1]) == {
        "created": 0,
        "updated": 0,
        "unchanged": 2,
        "rejected": [],
    }
