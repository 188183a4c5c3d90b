"""``fitness import`` and ``fitness export-national`` end to end on a demo school."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = str(tmp_path_factory.mktemp("cli_fitness") / "ws")
    assert main(["--data-dir", d, "--lang", "en", "demo", "--students", "300", "--seed", "4"]) == 0
    return d


def cli(d: str, *argv: str) -> tuple[str, ...]:
    return ("--data-dir", d, "--lang", "en", "fitness", *argv)


def test_export_then_import_reports_every_student_unchanged(
    capsys: pytest.CaptureFixture[str], demo_dir: str, tmp_path: Path
) -> None:
    capsys.readouterr()
    path = tmp_path / "national.xlsx"
    code, out, err = run(capsys, *cli(demo_dir, "export-national", str(path)))
    assert (code, err) == (0, "")
    count = int(out.split()[0])
    sheet = load_workbook(path).active
    assert sheet is not None and sheet.max_row == count + 1 and count > 250
    assert [c.value for c in sheet[1]][:4] == ["年级编号", "班级编号", "班级名称", "学籍号"]

    code, out, err = run(capsys, *cli(demo_dir, "import", str(path), "--json"))

    assert (code, err) == (0, "")
    assert json.loads(out) == {"created": 0, "updated": 0, "unchanged": count, "rejected": []}


def test_a_dry_run_lists_rejected_rows_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_dir: str, tmp_path: Path
) -> None:
    capsys.readouterr()
    path = tmp_path / "n.xlsx"
    run(capsys, *cli(demo_dir, "export-national", str(path), "--class", "2101"))
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("身高") + 1, 400)  # out of range
    sheet.cell(3, 4, "G410308201001019999")  # not on the roster
    sheet.cell(4, headers.index("50米跑") + 1, 6.0)  # a change
    book.save(path)

    code, out, err = run(capsys, *cli(demo_dir, "import", str(path), "--dry-run", "--json"))
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["updated"] == 1
    assert [(r["row"], r["field"]) for r in report["rejected"]] == [(2, "身高"), (3, "学籍号")]
    assert set(report) == {"created", "updated", "unchanged", "rejected"}

    code, out, _ = run(capsys, *cli(demo_dir, "import", str(path), "--dry-run"))
    assert code == 0 and "Dry run: nothing was written." in out
    assert "0 created, 1 updated" in out and "Row 3 [学籍号]" in out
    again = json.loads(run(capsys, *cli(demo_dir, "import", str(path), "--json", "--dry-run"))[1])
    assert again["updated"] == 1  # still a change to make: the dry runs wrote nothing


def test_a_device_file_with_a_mapped_column(
    capsys: pytest.CaptureFixture[str], demo_dir: str, tmp_path: Path
) -> None:
    capsys.readouterr()
    national = tmp_path / "n.xlsx"
    run(capsys, *cli(demo_dir, "export-national", str(national), "--grade", "21"))
    sheet = load_workbook(national).active
    assert sheet is not None
    numbers = [r[3] for r in sheet.iter_rows(min_row=2, max_row=3, values_only=True)]
    device = tmp_path / "device.csv"
    device.write_text("考号,50米(秒)\n" + "".join(f"{n},7.5\n" for n in numbers), encoding="utf-8")

    code, _, err = run(capsys, *cli(demo_dir, "import", str(device), "--json"))
    assert code == 1 and "student number" in err
    code, out, err = run(
        capsys, *cli(demo_dir, "import", str(device), "--map", "考号=student_no", "--json")
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["rejected"] == []
    assert json.loads(out)["updated"] + json.loads(out)["unchanged"] == 2


def test_bad_options_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], demo_dir: str, tmp_path: Path
) -> None:
    capsys.readouterr()
    for argv in (
        cli(demo_dir, "export-national", str(tmp_path / "x.xlsx"), "--class", "9901"),
        cli(demo_dir, "export-national", str(tmp_path / "x.xlsx"), "--year", "2026"),
        cli(demo_dir, "import", str(tmp_path / "missing.xlsx")),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "") and err.startswith("baosong-cli: ") and err.count("\n") == 1
