"""Every core message has a Chinese translation with the same {fields}, and tr() uses it.

The sources are found by reading the code (``ast``), not by running it, so a message on a rare
error path is checked as surely as a common one.
"""

from __future__ import annotations

import ast
import json
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import i18n
from app.i18n import tr
from app.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app", "db")


@dataclass(frozen=True)
class TrCall:
    source: str
    keywords: frozenset[str] | None  # None when the call passes **fields
    where: str


def _is_tr(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "tr") or (
        isinstance(func, ast.Attribute) and func.attr == "tr"
    )


def _tr_calls() -> list[TrCall]:
    calls: list[TrCall] = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and _is_tr(node.func) and node.args):
                    continue
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    continue
                names = [k.arg for k in node.keywords]
                keywords = None if None in names else frozenset(n for n in names if n)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                calls.append(TrCall(first.value, keywords, where))
    return calls


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_scan_finds_the_core_messages() -> None:
    sources = {c.source for c in _tr_calls()}
    # A guard against a scanner that silently finds nothing.
    assert "The check character of ID number {number} is wrong." in sources
    assert "School {code} {name} is set up in {path}." in sources
    assert len(sources) > 50


def test_every_tr_source_has_a_chinese_translation() -> None:
    catalog = i18n.catalog("zh_CN")
    missing = sorted({f"{c.where}: {c.source!r}" for c in _tr_calls() if c.source not in catalog})
    assert not missing, "No zh_CN entry for:\n" + "\n".join(missing)


def test_every_tr_call_fills_exactly_the_fields_of_its_source() -> None:
    # tr() only formats when fields are given, so a forgotten keyword shows "{name}" to the user
    # and a misspelt one raises KeyError at run time.
    wrong = [
        f"{c.where}: {c.source!r} has {sorted(_fields(c.source))}, call gives {sorted(c.keywords)}"
        for c in _tr_calls()
        if c.keywords is not None and set(c.keywords) != _fields(c.source)
    ]
    assert not wrong, "\n".join(wrong)


def test_every_translation_has_the_same_fields_as_its_source() -> None:
    wrong = [
        f"{source!r} → {text!r}"
        for source, text in i18n.catalog("zh_CN").items()
        if _fields(source) != _fields(text)
    ]
    assert not wrong, "Fields differ:\n" + "\n".join(wrong)


def test_no_two_catalog_files_translate_a_source_differently() -> None:
    # catalog() merges the files in name order and the last one wins silently.
    seen: dict[str, tuple[str, str]] = {}
    conflicts = []
    for path in sorted(resource_path("translations", "core").glob("*.zh_CN.json")):
        for source, text in json.loads(path.read_text(encoding="utf-8")).items():
            if source in seen and seen[source][1] != text:
                conflicts.append(
                    f"{source!r}: {seen[source][0]} {seen[source][1]!r} ≠ {path.name} {text!r}"
                )
            seen.setdefault(source, (path.name, text))
    assert not conflicts, "\n".join(conflicts)


def test_tr_gives_chinese_in_zh_cn_and_the_source_in_english() -> None:
    source = "The check character of ID number {number} is wrong."
    i18n.set_language("zh_CN")
    assert tr(source, number="340524198001010013") == "身份证号 340524198001010013 的校验位不正确。"
    assert tr("male") == "男"
    i18n.set_language("en")
    assert tr(source, number="340524198001010013") == (
        "The check character of ID number 340524198001010013 is wrong."
    )
    assert tr("male") == "male"


def test_a_validation_error_reads_in_chinese_when_the_language_is_chinese() -> None:
    from app.errors import ValidationError
    from app.validation.ids import parse_id_number

    i18n.set_language("zh_CN")
    with pytest.raises(ValidationError) as info:
        parse_id_number("340524198001010013")
    assert info.value.what == "身份证号 340524198001010013 的校验位不正确。"
    assert info.value.todo == "请与身份证核对，可能有一位数字录错了。"


def test_an_unknown_source_falls_back_to_english() -> None:
    i18n.set_language("zh_CN")
    assert tr("Not in any catalog {x}.", x=1) == "Not in any catalog 1."
