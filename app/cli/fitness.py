"""``fitness …``: the national fitness standard from the command line.

``fitness score`` is a filter: JSON Lines in on stdin, one JSON line out per input line, flushed
line by line so it can sit in a pipe. It needs no workspace. A line that cannot be scored gives
``{"id": …, "error": "…"}`` and the stream goes on; the exit code is 0 either way.

Input object: ``grade_code`` (11–16, 21–23, 31–33, 41–44), ``sex`` ("male"/"female"), optional
``id`` (echoed), optional ``exempt_reason`` (免测), and any of the measurement keys below (numbers;
times in seconds, or ``m'ss`` text). Values must lie in the national import ranges. Output:
``id, bmi, items {key: {value, score, bonus}}, standard_score, bonus_total, total_score, level,
missing`` (+ ``exempt, exempt_reason`` for an exempt student).

More actions (import, export-national) are added as further ``_register_*`` functions below.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from app.cli import fitness_files
from app.errors import UserError
from app.i18n import tr
from app.scoring.fitness_ranges import IMPORT_RANGES, TIME_ITEMS, check_value
from app.scoring.fitness_score import FitnessResult, score_student
from app.scoring.run_time import parse_run_time

_CONTROL_KEYS = frozenset({"id", "grade_code", "sex", "exempt_reason"})


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fitness = sub.add_parser("fitness", help="national student fitness standard (体质健康)")
    fsub = fitness.add_subparsers(dest="fitness_command", metavar="ACTION", required=True)
    _register_score(fsub)
    fitness_files.register_import(fsub)
    fitness_files.register_export(fsub)


def _register_score(fsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    score = fsub.add_parser(
        "score",
        help="score students: JSON Lines on stdin, one JSON line per input line on stdout",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.set_defaults(handler=_score)


class _BadLine(UserError):
    """One input line that cannot be scored; reported in its output line."""


def _grade(raw: Any) -> int:
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _BadLine(tr("grade_code must be a grade number such as 21, not {value}.", value=raw))
    return raw


def _measurement(key: str, raw: Any) -> float | None:
    if raw is None:
        return None
    if key in TIME_ITEMS and isinstance(raw, str):
        value = parse_run_time(raw)
    elif isinstance(raw, bool) or not isinstance(raw, int | float):
        raise _BadLine(tr("{key} must be a number, not {value}.", key=key, value=json.dumps(raw)))
    else:
        value = raw
    problem = check_value(key, value)
    if problem:
        raise _BadLine(problem)
    return value


def _parse(record: dict[str, Any]) -> tuple[int, str, dict[str, float | None], str | None]:
    unknown = sorted(k for k in record if k not in _CONTROL_KEYS and k not in IMPORT_RANGES)
    if unknown:
        raise _BadLine(tr("Unknown keys: {keys}.", keys=", ".join(unknown)))
    for required in ("grade_code", "sex"):
        if record.get(required) is None:
            raise _BadLine(tr("{key} is required.", key=required))
    sex = record["sex"]
    if sex not in ("male", "female"):
        raise _BadLine(tr("sex must be male or female, not {value}.", value=json.dumps(sex)))
    reason = record.get("exempt_reason")
    if reason is not None and not isinstance(reason, str):
        raise _BadLine(tr("exempt_reason must be text."))
    values = {k: _measurement(k, v) for k, v in record.items() if k in IMPORT_RANGES}
    return _grade(record["grade_code"]), sex, values, reason


def result_json(student_id: Any, result: FitnessResult) -> dict[str, Any]:
    """The output object of one scored line (the CLI contract)."""
    out: dict[str, Any] = {
        "id": student_id,
        "bmi": result.bmi,
        "items": {
            key: {"value": item.value, "score": item.score, "bonus": item.bonus}
            for key, item in result.items.items()
        },
        "standard_score": result.standard_score,
        "bonus_total": result.bonus_total,
        "total_score": result.total_score,
        "level": result.level,
        "missing": list(result.missing),
    }
    if result.exempt:
        out["exempt"] = True
        out["exempt_reason"] = result.exempt_reason
    return out


def score_line(line: str) -> dict[str, Any]:
    """Score one input line; never raises for bad input (the error goes into the output)."""
    if not line.strip():
        return {"id": None, "error": tr("The line is empty.")}
    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"id": None, "error": tr("The line is not JSON: {reason}.", reason=str(exc))}
    if not isinstance(record, dict):
        return {"id": None, "error": tr("The line must be a JSON object.")}
    student_id = record.get("id")
    try:
        grade, sex, values, reason = _parse(record)
        result = score_student(grade, sex, values, exempt_reason=reason)
    except UserError as exc:
        return {"id": student_id, "error": str(exc)}
    return result_json(student_id, result)


def _score(args: argparse.Namespace) -> int:
    del args  # no options, and no workspace: scoring is pure
    out = sys.stdout
    try:
        for line in sys.stdin:
            out.write(json.dumps(score_line(line), ensure_ascii=False) + "\n")
            out.flush()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): that ends the filter, it is not an error. Point
        # stdout at devnull so Python's final flush does not fail again (Python docs, "SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
