"""``baosong-cli fitness score``: JSON Lines in, one JSON line out per input line, in process."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from app import i18n
from app.cli import main

GOOD_BOY = {  # 初一 boy: 160.0 cm / 50.0 kg → BMI 19.5 (normal)
    "id": "s-1",
    "grade_code": 21,
    "sex": "male",
    "height_cm": 160.0,
    "weight_kg": 50.0,
    "vital_capacity": 3000,
    "run_50m": 8.0,
    "sit_and_reach": 10.0,
    "standing_long_jump": 200,
    "pull_up": 16,
    "run_1000m": "3'40",
}


def run(
    lines: list[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, list[dict[str, Any]]]:
    stdout = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    monkeypatch.setattr("sys.stdout", stdout)
    code = main([*args, "fitness", "score"])
    return code, [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_each_line_gets_its_answer_and_a_bad_line_does_not_stop_the_rest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # No workspace is opened: pointing the data directory at a fresh path leaves it untouched.
    monkeypatch.setenv("BAOSONG_DATA_DIR", str(tmp_path / "never"))
    lines = [
        json.dumps(GOOD_BOY),
        "{not json",
        json.dumps({"id": 7, "grade_code": 11, "sex": "female", "height_cm": 120.0}),
        json.dumps({"id": "x", "grade_code": 24, "sex": "male"}),
        json.dumps({"id": "y", "grade_code": 21, "sex": "male", "height_cm": 1.6}),
        "",
        json.dumps({"id": "z", "grade_code": 33, "sex": "female", "exempt_reason": "心脏病"}),
        json.dumps({"id": "t", "grade_code": 21, "sex": "male", "run_1000m": "3'5"}),
        json.dumps({"id": "u", "grade_code": "21", "sex": "male", "run_1000": 220}),
        "[1, 2]",
        json.dumps({"id": "v", "grade_code": 21, "sex": "male", "pull_up": "12"}),
    ]
    code, out = run(lines, monkeypatch)
    assert code == 0 and len(out) == len(lines)
    assert not (tmp_path / "never").exists()

    boy = out[0]
    assert boy["id"] == "s-1" and boy["bmi"] == 19.5 and boy["missing"] == []
    assert boy["items"]["bmi"] == {"value": 19.5, "score": 100, "bonus": 0}
    assert boy["items"]["run_1000m"] == {"value": 220, "score": 100, "bonus": 3}  # 235 − 220 = 15 s
    assert boy["items"]["pull_up"] == {"value": 16, "score": 100, "bonus": 3}  # 13 + 3
    assert boy["items"]["vital_capacity"] == {"value": 3000, "score": 80, "bonus": 0}
    assert (boy["standard_score"], boy["bonus_total"], boy["total_score"], boy["level"]) == (
        90.8,
        6,
        96.8,
        "优秀",
    )
    assert set(boy) == {"id", "bmi", "items", "standard_score", "bonus_total"} | {
        "total_score",
        "level",
        "missing",
    }

    assert out[1] == {"id": None, "error": out[1]["error"]} and "not JSON" in out[1]["error"]
    girl = out[2]
    assert girl["id"] == 7 and girl["missing"] == [
        "weight_kg",
        "vital_capacity",
        "run_50m",
        "sit_and_reach",
        "rope_skip_1min",
    ]
    assert girl["standard_score"] is None and girl["total_score"] is None and girl["level"] is None
    assert girl["items"]["rope_skip_1min"] == {"value": None, "score": None, "bonus": None}
    assert out[3]["id"] == "x" and "No fitness standard for grade 24" in out[3]["error"]
    assert out[4] == {"id": "y", "error": "height: 1.6 is outside the national range 80–250 cm."}
    assert out[5] == {"id": None, "error": "The line is empty."}
    exempt = out[6]
    assert exempt["exempt"] is True and exempt["exempt_reason"] == "心脏病"
    assert exempt["level"] is None and exempt["missing"] == []
    assert out[7]["id"] == "t" and "two digits" in out[7]["error"]
    assert out[8] == {"id": "u", "error": "Unknown keys: run_1000."}
    assert out[9] == {"id": None, "error": "The line must be a JSON object."}
    assert out[10] == {"id": "v", "error": 'pull_up must be a number, not "12".'}


def test_errors_are_in_chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("zh_CN")
    code, out = run([json.dumps({"id": 1, "grade_code": 21, "sex": "x"})], monkeypatch)
    assert code == 0
    assert out == [{"id": 1, "error": 'sex 必须是 male 或 female，而不是 "x"。'}]


def test_lang_option_gives_english(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("zh_CN")
    _, out = run(["{}"], monkeypatch, "--lang", "en")
    assert out == [{"id": None, "error": "grade_code is required."}]


def test_empty_input_gives_empty_output(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run([], monkeypatch) == (0, [])
