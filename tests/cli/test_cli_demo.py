"""``demo`` on the command line: a school per seed, --code, refusal, usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.services.demo import demo_school_code
from app.services.roster import find_students
from app.services.workspace import open_workspace, require_school


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def school_and_count(data_dir: Path) -> tuple[str, str, int]:
    ws = open_workspace(data_dir)
    try:
        school = require_school(ws.db)
        return school.code, school.name, len(find_students(ws.db))
    finally:
        ws.close()


def test_demo_creates_the_school_of_the_seed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = tmp_path / "a"
    code, out, err = run(
        capsys, "--data-dir", str(d), "--lang", "en", "demo", "--students", "120", "--seed", "9"
    )
    assert (code, err) == (0, "")
    school, name, count = school_and_count(d)
    assert (school, count) == (demo_school_code(9), 120)
    assert out == f"Demo school {school} {name}: 120 students in 6 classes, in {d}.\n"
    # Another folder, same seed: the same school; another seed: another one.
    run(capsys, "--data-dir", str(tmp_path / "b"), "demo", "--students", "120", "--seed", "9")
    run(capsys, "--data-dir", str(tmp_path / "c"), "demo", "--students", "120", "--seed", "10")
    assert school_and_count(tmp_path / "b") == (school, name, 120)
    assert school_and_count(tmp_path / "c")[0] != school


def test_code_overrides_the_seed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "demo", "--students", "10", "--code", "2141012345"
    )
    assert code == 0 and "2141012345" in out
    assert school_and_count(tmp_path)[0] == "2141012345"


def test_default_demo_has_1000_students(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--data-dir", str(tmp_path), "demo")[0] == 0
    assert school_and_count(tmp_path)[0] == demo_school_code(1)
    assert school_and_count(tmp_path)[2] == 1000


@pytest.mark.parametrize(
    "args",
    [
        ["--code", "123"],  # not a school code
        [],  # run a second time: the workspace already has a school with students
    ],
)
def test_user_errors_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    assert run(capsys, "--data-dir", str(tmp_path), "demo", "--students", "5")[0] == 0
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "demo", "--students", "5", *args)
    assert (code, out) == (1, "")
    assert err.startswith("baosong-cli: ") and err.count("\n") == 1 and "Traceback" not in err
    assert school_and_count(tmp_path)[2] == 5, "nothing was added"


@pytest.mark.parametrize(
    "args",
    [["--students", "0"], ["--students", "many"], ["--seed", "x"], ["--students"], ["--bogus"]],
)
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--data-dir", str(tmp_path), "demo", *args])
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err
    assert not (tmp_path / "baosong.sqlite3").exists()
