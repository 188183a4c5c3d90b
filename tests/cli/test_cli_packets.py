"""The CLI contract for keys, enrolment and packets, in two real workspaces (school and bureau)."""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main

PASSPHRASE = "correct horse battery staple"
SHORT_FP = re.compile(r"fingerprint, to compare by phone: ((?:[0-9A-F]{4}-){5}[0-9A-F]{4})")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@dataclass
class Dirs:
    school: str
    bureau: str
    usb: Path


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dirs:
    monkeypatch.setenv("BAOSONG_PASSPHRASE", PASSPHRASE)
    usb = tmp_path / "usb"
    usb.mkdir()
    return Dirs(str(tmp_path / "school"), str(tmp_path / "bureau"), usb)


def enrolled(capsys: pytest.CaptureFixture[str], d: Dirs) -> tuple[str, str]:
    """Bureau and 60-student demo school set up and introduced; returns both short fingerprints."""
    code, out, _ = run(capsys, "--data-dir", d.bureau, "bureau", "init", "--name", "孟津区教育局")
    assert code == 0 and "The bureau's keys were created." in out
    bureau_fp = SHORT_FP.findall(out)[0]
    assert (
        run(capsys, "--data-dir", d.bureau, "bureau", "export-keys", str(d.usb / "bureau.json"))[0]
        == 0
    )
    assert run(capsys, "--data-dir", d.school, "demo", "--students", "60")[0] == 0
    code, out, _ = run(
        capsys, "--data-dir", d.school, "school", "trust-bureau", str(d.usb / "bureau.json"),
        "--fingerprint", bureau_fp.lower(),
    )  # fmt: skip
    assert code == 0 and SHORT_FP.findall(out) == [bureau_fp]
    code, out, _ = run(
        capsys, "--data-dir", d.school, "school", "export-identity", str(d.usb / "school.json")
    )
    assert code == 0
    school_fp = SHORT_FP.findall(out)[0]
    code, out, _ = run(
        capsys, "--data-dir", d.bureau, "bureau", "enroll", str(d.usb / "school.json")
    )
    assert code == 0 and "is enrolled" in out and SHORT_FP.findall(out) == [school_fp]
    return bureau_fp, school_fp


def export(
    capsys: pytest.CaptureFixture[str], d: Dirs, name: str, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys, "--data-dir", d.school, "packet", "export", "--term", "2026-2027-1",
        "--out", str(d.usb / name), *extra,
    )  # fmt: skip


def inspect(
    capsys: pytest.CaptureFixture[str], where: str, path: Path
) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", where, "packet", "inspect", str(path), "--json")
    return code, json.loads(out)


def test_the_whole_exchange_between_a_school_and_the_bureau(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    _, school_fp = enrolled(capsys, dirs)
    code, out, err = export(capsys, dirs, "p1.bspkt")
    assert (code, err) == (0, "")
    assert "Packet 1 (full) written to" in out and "students 60" in out
    first = (dirs.usb / "p1.bspkt").read_bytes()
    code, report = inspect(capsys, dirs.bureau, dirs.usb / "p1.bspkt")
    assert code == 0 and report["verification"] == {"status": "valid", "code": None, "reason": None}
    header = report["header"]
    assert isinstance(header, dict)
    assert header["sequence"] == 1 and header["counts"]["students"] == 60
    assert header["school_key_fingerprint"].upper().startswith(school_fp.replace("-", ""))
    assert report["file_sha256"] == hashlib.sha256(first).hexdigest()
    code, report = inspect(capsys, dirs.school, dirs.usb / "p1.bspkt")  # a school checks its own
    assert code == 0 and report["verification"]["status"] == "valid"  # type: ignore[index]
    assert export(capsys, dirs, "p2.bspkt")[0] == 0
    _, second = inspect(capsys, dirs.bureau, dirs.usb / "p2.bspkt")
    assert second["header"]["sequence"] == 2  # type: ignore[index]
    assert second["header"]["prev_sha256"] == hashlib.sha256(first).hexdigest()  # type: ignore[index]
    code, out, _ = run(capsys, "--data-dir", dirs.school, "packet", "list", "--json")
    history = json.loads(out)
    assert [(p["sequence"], p["status"], p["mode"]) for p in history] == [
        (1, "exported", "full"),
        (2, "exported", "full"),
    ]
    code, out, _ = run(
        capsys, "--data-dir", dirs.bureau, "packet", "inspect", str(dirs.usb / "p1.bspkt")
    )
    assert code == 0 and "valid (checked without decrypting)" in out and school_fp in out


def test_a_revoked_school_packet_is_reported_rejected(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    enrolled(capsys, dirs)
    assert export(capsys, dirs, "p1.bspkt")[0] == 0
    code, out, _ = run(capsys, "--data-dir", dirs.bureau, "bureau", "schools", "--json")
    school_code = json.loads(out)[0]["school_code"]
    code, out, _ = run(capsys, "--data-dir", dirs.bureau, "bureau", "revoke", school_code)
    assert code == 0 and "1 keys" in out
    code, report = inspect(capsys, dirs.bureau, dirs.usb / "p1.bspkt")
    assert code == 1
    assert report["verification"]["code"] == "revoked_key"  # type: ignore[index]
    code, out, _ = run(capsys, "--data-dir", dirs.bureau, "bureau", "schools")
    assert "revoked" in out


def test_a_tampered_packet_is_rejected_by_inspect(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    enrolled(capsys, dirs)
    export(capsys, dirs, "p1.bspkt")
    data = bytearray((dirs.usb / "p1.bspkt").read_bytes())
    data[-1] ^= 1
    (dirs.usb / "bad.bspkt").write_bytes(bytes(data))
    code, report = inspect(capsys, dirs.bureau, dirs.usb / "bad.bspkt")
    assert code == 1 and report["verification"]["code"] == "body_hash"  # type: ignore[index]
    (dirs.usb / "junk.bspkt").write_bytes(b"not a packet")
    code, _out, err = run(
        capsys, "--data-dir", dirs.bureau, "packet", "inspect", str(dirs.usb / "junk.bspkt")
    )
    assert code == 1 and err.startswith("baosong-cli: The file is not a Baosong submission packet.")


def test_a_wrong_passphrase_writes_nothing(
    capsys: pytest.CaptureFixture[str], dirs: Dirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrolled(capsys, dirs)
    monkeypatch.delenv("BAOSONG_PASSPHRASE")
    wrong = dirs.usb / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    code, _, err = export(capsys, dirs, "p1.bspkt", "--passphrase-file", str(wrong))
    assert code == 1 and "passphrase is wrong" in err and err.count("\n") == 1
    assert not (dirs.usb / "p1.bspkt").exists()
    right = dirs.usb / "right.txt"
    right.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert export(capsys, dirs, "p1.bspkt", "--passphrase-file", str(right))[0] == 0


def test_school_init_makes_the_key_only_when_a_passphrase_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BAOSONG_PASSPHRASE", raising=False)
    plain = tmp_path / "plain"
    code, out, _ = run(
        capsys, "--data-dir", str(plain), "school", "init", "--code", "2141003456", "--name", "一小"
    )
    assert code == 0 and "fingerprint" not in out
    assert not list(plain.glob("keys/*.pem"))
    keyed = tmp_path / "keyed"
    monkeypatch.setenv("BAOSONG_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(
        capsys, "--data-dir", str(keyed), "school", "init", "--code", "2141003456", "--name", "一小"
    )
    assert code == 0 and "signing key was created" in out and SHORT_FP.search(out)
    assert len(list((keyed / "keys").glob("school-signing-*.key.pem"))) == 1
    monkeypatch.setenv("BAOSONG_PASSPHRASE", "short")
    code, out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "weak"),
        "school",
        "init",
        "--code",
        "2141003456",
        "--name",
        "一小",
    )
    assert code == 0 and "too short" in err, (
        "the school is set up; the key waits for a better passphrase"
    )


def test_without_a_terminal_or_given_passphrase_the_cli_says_how_to_give_one(
    capsys: pytest.CaptureFixture[str], dirs: Dirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "--data-dir", dirs.school, "demo", "--students", "5")[0] == 0
    monkeypatch.delenv("BAOSONG_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(
        capsys, "--data-dir", dirs.school, "school", "export-identity", str(dirs.usb / "s.json")
    )
    assert code == 1 and "--passphrase-file" in err


def test_a_new_key_asks_the_passphrase_twice(
    capsys: pytest.CaptureFixture[str], dirs: Dirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "--data-dir", dirs.school, "demo", "--students", "5")[0] == 0
    monkeypatch.delenv("BAOSONG_PASSPHRASE")
    tty = io.StringIO("")
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", tty)
    answers = iter([PASSPHRASE, PASSPHRASE + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run(
        capsys, "--data-dir", dirs.school, "school", "export-identity", str(dirs.usb / "s.json")
    )
    assert code == 1 and "differ" in err
    answers = iter([PASSPHRASE, PASSPHRASE, PASSPHRASE])
    code, out, _ = run(
        capsys, "--data-dir", dirs.school, "school", "export-identity", str(dirs.usb / "s.json")
    )
    assert code == 0 and (dirs.usb / "s.json").exists()
    code, out, _ = run(capsys, "--data-dir", dirs.school, "keys", "show", "--json")
    assert [k["role"] for k in json.loads(out)["keys"]] == ["school_signing"]


def test_gaps_stop_the_export_unless_asked_to_export_anyway(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    run(capsys, "--data-dir", dirs.bureau, "bureau", "init", "--name", "孟津区教育局")
    run(capsys, "--data-dir", dirs.bureau, "bureau", "export-keys", str(dirs.usb / "bureau.json"))
    run(
        capsys,
        "--data-dir",
        dirs.school,
        "school",
        "init",
        "--code",
        "2141003456",
        "--name",
        "一小",
    )
    run(capsys, "--data-dir", dirs.school, "school", "trust-bureau", str(dirs.usb / "bureau.json"))
    code, out, err = export(capsys, dirs, "p.bspkt")
    assert code == 1 and "No student is on the roll." in out and "--anyway" in err
    assert not (dirs.usb / "p.bspkt").exists()
    code, out, _ = run(
        capsys, "--data-dir", dirs.school, "packet", "check", "--term", "2026-2027-1"
    )
    assert code == 1 and "No student is on the roll." in out
    code, out, _ = export(capsys, dirs, "p.bspkt", "--anyway")
    assert code == 0 and (dirs.usb / "p.bspkt").exists()


def test_export_before_trusting_a_bureau_says_what_to_do(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    run(capsys, "--data-dir", dirs.school, "demo", "--students", "5")
    code, _, err = export(capsys, dirs, "p.bspkt")
    assert code == 1 and "trust-bureau" in err


def test_enrol_refuses_a_fingerprint_that_does_not_match(
    capsys: pytest.CaptureFixture[str], dirs: Dirs
) -> None:
    enrolled(capsys, dirs)
    code, _, err = run(
        capsys, "--data-dir", dirs.bureau, "bureau", "enroll", str(dirs.usb / "school.json"),
        "--fingerprint", "0000-0000-0000-0000-0000-0000",
    )  # fmt: skip
    assert code == 1 and "not the one you gave" in err


def test_keys_backup_and_show(capsys: pytest.CaptureFixture[str], dirs: Dirs) -> None:
    bureau_fp, _ = enrolled(capsys, dirs)
    code, out, _ = run(
        capsys, "--data-dir", dirs.bureau, "keys", "backup", str(dirs.usb / "backup")
    )
    assert code == 0 and "3 key files" in out
    code, out, _ = run(capsys, "--data-dir", dirs.school, "keys", "show")
    assert code == 0 and "Trusted bureau: 孟津区教育局" in out and bureau_fp in out


def test_messages_are_chinese_by_default(capsys: pytest.CaptureFixture[str], dirs: Dirs) -> None:
    code = main(["--data-dir", dirs.bureau, "bureau", "init", "--name", "孟津区教育局"])
    out = capsys.readouterr().out
    assert code == 0 and "已创建教育局密钥。" in out and "指纹（电话核对用）" in out
