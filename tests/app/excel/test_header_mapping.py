"""Header normalisation and synonym mapping, with hypothesis for the normaliser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.excel.header_mapping import (
    count_known_headers,
    guess_mapping,
    normalise_header,
    unmapped_headers,
)
from app.services.roster_import import ROSTER_SYNONYMS

SPACES = [" ", "\u3000", "\t", "\u00a0", "\n"]
REMARKS = ["", "(必填)", "（必填）", "（选填）", "[必填]", "【必填项】", "(yyyy-mm-dd)"]
ALL_SYNONYMS = [(field, s) for field, spellings in ROSTER_SYNONYMS.items() for s in spellings]


def test_normalisation_examples() -> None:
    assert normalise_header(" * 姓 名（必填） ") == "姓名"
    assert normalise_header("出生日期(yyyy-mm-dd)(必填)") == "出生日期"
    assert normalise_header("ＩＤ　Ｎｏ.") == "idno."
    assert normalise_header("（备注）") == "(备注)"  # a header that is only a remark stays
    assert normalise_header(None) == ""


def test_guess_mapping_maps_synonyms_and_lists_the_rest() -> None:
    headers = ["序号", "全国学籍号", "学生姓名", "性别", "生日", "班号", "学籍号", ""]
    mapping = guess_mapping(headers, ROSTER_SYNONYMS)
    assert mapping == {"student_no": 1, "name": 2, "sex": 3, "birth_date": 4, "class": 5}
    # The second 学籍号 column is not silently dropped: the user sees it.
    assert unmapped_headers(headers, mapping) == ["序号", "学籍号"]


def test_field_keys_themselves_are_accepted() -> None:
    assert guess_mapping(["student_no", "NAME"], ROSTER_SYNONYMS) == {"student_no": 0, "name": 1}


def test_counting_known_headers_counts_fields_not_cells() -> None:
    assert count_known_headers(["学籍号", "全国学籍号", "备注"], ROSTER_SYNONYMS) == 1
    assert count_known_headers(["学籍号", "姓名", None, 3.0], ROSTER_SYNONYMS) == 2


@given(st.text(max_size=30))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_header(text)
    assert normalise_header(once) == once


@given(
    st.sampled_from(ALL_SYNONYMS),
    st.lists(st.sampled_from(SPACES), max_size=3),
    st.lists(st.integers(min_value=0, max_value=20), max_size=3),
    st.booleans(),
    st.booleans(),
    st.sampled_from(REMARKS),
)
def test_every_synonym_maps_through_spaces_full_width_stars_and_remarks(
    pair: tuple[str, str],
    spaces: list[str],
    positions: list[int],
    full_width: bool,
    star: bool,
    remark: str,
) -> None:
    field, spelling = pair
    text = spelling
    for space, at in zip(spaces, positions, strict=False):
        text = text[:at] + space + text[at:]
    if full_width:  # what a Chinese input method types: ＩＤ, （）, full-width digits
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    text = ("*" if star else "") + text + remark
    assert guess_mapping([text], ROSTER_SYNONYMS) == {field: 0}
