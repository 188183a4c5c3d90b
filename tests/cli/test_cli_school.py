"""The CLI contract with ``school init``: exit codes 0/1/2, one-line errors, --data-dir first."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import __version__
from app.cli import main
from app.services.workspace import open_workspace, require_school


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    assert info.value.code == 2
    return capsys.readouterr().err


def assert_one_line_user_error(err: str) -> None:
    assert err.startswith("baosong-cli: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err


def test_init_sets_up_the_school(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    d = str(tmp_path / "ws")
    code, out, err = run(
        capsys, "--data-dir", d, "--lang", "en", "school", "init",
        "--code", "2141003456", "--name", "孟津区城关镇第一小学", "--stage", "nine_year",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"School 2141003456 孟津区城关镇第一小学 is set up in {tmp_path / 'ws'}.\n"
    ws = open_workspace(d)
    try:
        school = require_school(ws.db)
        assert (school.code, school.stage.value, school.district) == (
            "2141003456",
            "nine_year",
            "410308",
        )
    finally:
        ws.close()


def test_messages_are_chinese_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "school",
        "init",
        "--code",
        "2141003456",
        "--name",
        "一小",
    )
    assert code == 0 and out.startswith("学校 2141003456 一小 已在")


def test_a_bad_school_code_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "--lang", "en", "school", "init",
        "--code", "21410", "--name", "x",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert_one_line_user_error(err)
    assert "'21410'" in err and "10 digits" in err


def test_another_school_in_the_same_workspace_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = str(tmp_path)
    assert (
        run(capsys, "--data-dir", d, "school", "init", "--code", "2141003456", "--name", "a")[0]
        == 0
    )
    code, _, err = run(
        capsys,
        "--data-dir",
        d,
        "--lang",
        "en",
        "school",
        "init",
        "--code",
        "2141000001",
        "--name",
        "b",
    )
    assert code == 1
    assert_one_line_user_error(err)
    assert "already belongs to school 2141003456" in err


@pytest.mark.parametrize(
    "argv",
    [
        [],  # no command
        ["school"],  # no action
        ["school", "init", "--name", "x"],  # --code missing
        ["school", "init", "--code", "2141003456", "--name", "x", "--stage", "university"],
        ["nonsense"],
        ["--lang", "fr", "school", "init", "--code", "2141003456", "--name", "x"],
    ],
)
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    err = usage_error(capsys, "--data-dir", str(tmp_path), *argv)
    assert "usage: baosong-cli" in err
    assert not (tmp_path / "baosong.sqlite3").exists(), "bad usage opens nothing"


def test_data_dir_belongs_before_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    err = usage_error(
        capsys, "school", "init", "--code", "2141003456", "--name", "x", "--data-dir", str(tmp_path)
    )
    assert "--data-dir" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"baosong-cli {__version__}"


def test_a_closed_stdout_pipe_ends_quietly(tmp_path: Path) -> None:
    """`baosong-cli … | head` must not end in a BrokenPipeError traceback."""
    import subprocess
    import sys

    script = (
        "import sys; from app.cli import main; "
        "sys.exit(main(['--data-dir', sys.argv[1], 'demo', '--students', '60']))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "ws")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before anything is written
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err
    assert proc.returncode == 0
