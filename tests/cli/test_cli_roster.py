"""``roster import / export / promote`` on the command line: output contract and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import main
from app.services.workspace import open_workspace
from app.validation.ids import mod11_2_check_char


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_user_error(err: str) -> None:
    assert err.startswith("baosong-cli: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def make_id(n: int) -> str:
    first17 = f"41032220150301{n:03d}"
    return first17 + mod11_2_check_char(first17)


def student(n: int, grade: str = "三年级", cls: object = 1) -> list[object]:
    ident = make_id(n)
    sex = "男" if n % 2 else "女"
    return ["G" + ident, f"学生{n}", sex, "2015-03-01", "汉族", ident, grade, cls]


HEADER = ["学籍号", "姓名", "性别", "出生日期", "民族", "身份证号码", "年级", "班级"]


def write_roster(path: Path, rows: list[list[object]], *, title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    d = str(tmp_path / "ws")
    code, _, _ = run(
        capsys, "--data-dir", d, "school", "init", "--code", "2141003456", "--name", "一小"
    )
    assert code == 0
    return d


def counts(data_dir: str) -> tuple[int, int]:
    ws = open_workspace(data_dir)
    try:
        students = ws.db.execute("SELECT count(*) FROM students").fetchone()[0]
        audit = ws.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        return int(students), int(audit)
    finally:
        ws.close()


def test_import_json_has_exactly_the_documented_shape(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    bad = student(3)
    bad[5] = str(bad[5])[:-1] + ("1" if str(bad[5])[-1] != "1" else "2")  # wrong check char
    path = write_roster(tmp_path / "r.xlsx", [student(1), bad, student(5)])
    code, out, err = run(capsys, "--data-dir", data_dir, "roster", "import", str(path), "--json")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1, "one JSON object, nothing else"
    report = json.loads(out)
    assert list(report) == ["created", "updated", "unchanged", "rejected"]
    assert (report["created"], report["updated"], report["unchanged"]) == (2, 0, 0)
    [rejected] = report["rejected"]
    assert set(rejected) == {"row", "field", "reason"}
    # The spreadsheet's own row number (header = row 1) and the header as the file writes it.
    assert (rejected["row"], rejected["field"]) == (3, "身份证号码")
    assert rejected["reason"]
    # Importing again: nothing new, nothing changed.
    code, out, _ = run(capsys, "--data-dir", data_dir, "roster", "import", str(path), "--json")
    assert json.loads(out)["unchanged"] == 2 and json.loads(out)["created"] == 0


def test_row_numbers_follow_the_sheet_when_a_title_sits_above_the_header(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "r.xlsx", [student(1), student(3, grade="高一")], title="2026年花名册"
    )
    code, out, _ = run(capsys, "--data-dir", data_dir, "roster", "import", str(path), "--json")
    report = json.loads(out)
    assert code == 0 and report["created"] == 1
    assert [(r["row"], r["field"]) for r in report["rejected"]] == [(4, "年级")]


def test_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "r.xlsx", [student(n) for n in range(1, 8)])
    before = counts(data_dir)
    code, out, _ = run(
        capsys, "--data-dir", data_dir, "roster", "import", str(path), "--dry-run", "--json"
    )
    assert code == 0 and json.loads(out)["created"] == 7
    assert counts(data_dir) == before == (0, before[1])
    code, out, _ = run(
        capsys, "--data-dir", data_dir, "--lang", "en", "roster", "import", str(path), "--dry-run"
    )
    assert out.splitlines() == [
        "Dry run: nothing was written.",
        "7 created, 0 updated, 0 unchanged, 0 rejected.",
    ]
    assert counts(data_dir) == before


def test_the_summary_lists_20_rejected_rows_then_points_to_json(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    rows = [student(1)] + [student(n, grade="高三") for n in range(3, 53, 2)]  # 25 bad rows
    path = write_roster(tmp_path / "r.xlsx", rows)
    code, out, err = run(capsys, "--data-dir", data_dir, "roster", "import", str(path))
    assert (code, err) == (0, ""), "rejected rows are reported, not an error"
    lines = out.splitlines()
    assert lines[0] == "新增 1 人，更新 0 人，未变 0 人，未导入 25 行。"
    assert lines[1].startswith("第3行 [年级] ")
    assert len([ln for ln in lines if ln.startswith("第")]) == 20
    assert lines[-1] == "……另有 5 行未导入；加 --json 可列出全部。"


def test_an_unreadable_file_is_a_user_error(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    for path in (broken, tmp_path / "missing.xlsx"):
        code, out, err = run(capsys, "--data-dir", data_dir, "roster", "import", str(path))
        assert (code, out) == (1, "")
        assert_one_line_user_error(err)
        assert path.name in err


def test_import_without_a_school_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "r.xlsx", [student(1)])
    code, _, err = run(
        capsys, "--data-dir", str(tmp_path / "empty"), "--lang", "en", "roster", "import", str(path)
    )
    assert code == 1
    assert_one_line_user_error(err)
    assert "no school yet" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["roster"],
        ["roster", "import"],
        ["roster", "import", "a.xlsx", "--commit"],
        ["roster", "export"],
        ["roster", "promote", "--force"],
    ],
)
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: str, argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--data-dir", data_dir, *argv])
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_export_writes_the_roster(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    source = write_roster(tmp_path / "r.xlsx", [student(n) for n in (1, 3, 5)])
    assert run(capsys, "--data-dir", data_dir, "roster", "import", str(source))[0] == 0
    target = tmp_path / "导出.xlsx"
    code, out, err = run(
        capsys, "--data-dir", data_dir, "--lang", "en", "roster", "export", str(target)
    )
    assert (code, err) == (0, "")
    assert out == f"3 students written to {target}.\n"
    sheet = load_workbook(target).active
    assert [c.value for c in sheet["A"]] == ["学籍号"] + ["G" + make_id(n) for n in (1, 3, 5)]
    code, _, err = run(capsys, "--data-dir", data_dir, "roster", "export", str(tmp_path / "x.csv"))
    assert code == 1
    assert_one_line_user_error(err)


def promote_setup(capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path) -> None:
    rows = [student(1, "一年级"), student(3, "六年级"), student(5, "九年级", 2)]
    # A nine-year school, so 六年级 continues to 七年级.
    run(capsys, "--data-dir", data_dir, "school", "init", "--code", "2141003456", "--name", "一小",
        "--stage", "nine_year")  # fmt: skip
    assert run(capsys, "--data-dir", data_dir, "roster", "import", str(write_roster(tmp_path / "r.xlsx", rows)))[0] == 0  # fmt: skip


def grades(data_dir: str) -> list[tuple[int, int, int]]:
    ws = open_workspace(data_dir)
    try:
        return [
            tuple(r)
            for r in ws.db.execute(
                "SELECT grade_code, class_no, graduated FROM classes ORDER BY grade_code"
            )
        ]
    finally:
        ws.close()


def test_promote_prints_the_plan_and_asks(
    capsys: pytest.CaptureFixture[str],
    data_dir: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    promote_setup(capsys, data_dir, tmp_path)
    before = grades(data_dir)
    for answer in ("no\n", ""):  # a refusal, then end of input
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        code, out, err = run(capsys, "--data-dir", data_dir, "--lang", "en", "roster", "promote")
        assert code == 1
        assert "1 classes graduate (1 students)" in out
        assert "六年级(1)班: 六年级 → 七年级, 1 students" in out
        assert "Type yes to promote" in out
        assert_one_line_user_error(err)
        assert "nothing was changed" in err
        assert grades(data_dir) == before
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    code, out, err = run(capsys, "--data-dir", data_dir, "--lang", "en", "roster", "promote")
    assert (code, err) == (0, "")
    assert "Done: 2 classes moved up, 1 classes graduated (1 students)." in out
    assert grades(data_dir) == [(12, 1, 0), (21, 1, 0), (23, 2, 1)]
    assert len(list((Path(data_dir) / "backups").glob("before-promotion-*.sqlite3"))) == 1


def test_promote_yes_skips_the_question_and_a_repeat_is_refused(
    capsys: pytest.CaptureFixture[str],
    data_dir: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    promote_setup(capsys, data_dir, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: must not be asked
    code, out, _ = run(capsys, "--data-dir", data_dir, "roster", "promote", "--yes")
    assert code == 0 and "输入 yes" not in out
    after = grades(data_dir)
    code, out, err = run(capsys, "--data-dir", data_dir, "roster", "promote", "--yes")
    assert (code, out) == (1, "")
    assert_one_line_user_error(err)
    assert "学年的升级已经做过了" in err
    assert grades(data_dir) == after
