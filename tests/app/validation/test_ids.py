"""身份证号 (MOD 11-2, embedded date), 全国学籍号 (G/J/L), 学校标识码 and 行政区划代码."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.models import Sex
from app.validation.ids import (
    StudentNoKind,
    mod11_2_check_char,
    parse_district_code,
    parse_id_number,
    parse_school_code,
    parse_student_no,
)
from tests.conftest import TODAY


def make_id(area: str, birth: str, seq: str) -> str:
    """A valid ID number: the check character is computed, the rest is chosen by the test."""
    first17 = area + birth + seq
    return first17 + mod11_2_check_char(first17)


# --- 身份证号 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "birth", "sex"),
    [
        ("11010519491231002X", dt.date(1949, 12, 31), Sex.FEMALE),
        ("34052419800101001X", dt.date(1980, 1, 1), Sex.MALE),
    ],
)
def test_published_vectors_are_valid(number: str, birth: dt.date, sex: Sex) -> None:
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == sex
    assert info.area_code == number[:6]


def test_published_invalid_vector_is_rejected_for_its_check_character() -> None:
    with pytest.raises(ValidationError) as info:
        parse_id_number("340524198001010013", today=TODAY)
    assert "check character" in info.value.what
    assert "340524198001010013" in info.value.what
    assert info.value.todo  # tells the clerk what to do


def test_lowercase_x_is_accepted_and_stored_as_uppercase() -> None:
    assert parse_id_number("11010519491231002x", today=TODAY).number == "11010519491231002X"


@pytest.mark.parametrize(
    "typed",
    [
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and X from a Chinese IME
        "１１０１０５１９４９１２３１００２ｘ",
        " 110105 19491231 002X ",
        "110105\u300019491231\u3000002X",  # ideographic spaces
        "11010519491231002X\n",
    ],
)
def test_full_width_characters_and_spaces_are_normalised(typed: str) -> None:
    assert parse_id_number(typed, today=TODAY).number == "11010519491231002X"


@pytest.mark.parametrize("area", ["410322", "410306", "410308", "410381"])
def test_old_area_codes_stay_valid(area: str) -> None:
    # 孟津县 410322 and 吉利区 410306 were merged into 孟津区 410308 in 2021; IDs keep them.
    number = make_id(area, "20150301", "123")
    info = parse_id_number(number, today=TODAY)
    assert info.area_code == area
    assert info.birth_date == dt.date(2015, 3, 1)
    assert info.sex == Sex.MALE  # 3 is odd


def test_impossible_birth_date_is_rejected_even_with_a_correct_check_character() -> None:
    number = make_id("410322", "20230230", "002")
    with pytest.raises(ValidationError) as info:
        parse_id_number(number, today=TODAY)
    assert "20230230" in info.value.what
    assert "not a real date" in info.value.what


def test_birth_date_after_today_is_rejected() -> None:
    number = make_id("410308", "20261202", "002")
    with pytest.raises(ValidationError) as info:
        parse_id_number(number, today=dt.date(2026, 12, 1))
    assert "future" in info.value.what
    # The same number is fine once that day has come.
    assert parse_id_number(number, today=dt.date(2026, 12, 2)).birth_date == dt.date(2026, 12, 2)


def test_birth_date_before_1900_is_rejected() -> None:
    with pytest.raises(ValidationError, match="before 1900"):
        parse_id_number(make_id("110105", "18991231", "002"), today=TODAY)


@pytest.mark.parametrize(
    "value",
    [
        "11010519491231002",  # 17 characters
        "11010519491231002XX",  # 19 characters
        "01010519491231002X",  # an area code never starts with 0
        "1101051949123100X2",  # X only as the last character
        "11010519491231002Y",
        11010519491231002,  # a number cell that lost a digit
    ],
)
def test_wrong_shapes_are_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="18-character"):
        parse_id_number(value, today=TODAY)


@pytest.mark.parametrize("value", ["", "   ", None])
def test_empty_id_number_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_id_number(value, today=TODAY)


valid_first17 = st.builds(
    lambda area, birth, seq: f"{area}{birth:%Y%m%d}{seq:03d}",
    st.integers(100000, 999999).map(str),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)


@given(valid_first17)
def test_appending_the_check_character_gives_a_valid_number(first17: str) -> None:
    number = first17 + mod11_2_check_char(first17)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.sex == (Sex.MALE if int(first17[16]) % 2 else Sex.FEMALE)


@given(valid_first17, st.integers(0, 16), st.integers(1, 9))
def test_changing_any_single_digit_makes_the_number_invalid(
    first17: str, position: int, shift: int
) -> None:
    # MOD 11-2 detects every single-digit error: each weight is non-zero modulo the prime 11.
    number = first17 + mod11_2_check_char(first17)
    wrong_digit = str((int(number[position]) + shift) % 10)
    typo = number[:position] + wrong_digit + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_id_number(typo, today=TODAY)


@given(valid_first17, st.sampled_from("0123456789X"))
def test_any_other_check_character_is_rejected(first17: str, check: str) -> None:
    if check == mod11_2_check_char(first17):
        return
    with pytest.raises(ValidationError, match="check character"):
        parse_id_number(first17 + check, today=TODAY)


# --- 学籍号 ------------------------------------------------------------------------------------


def test_g_number_is_g_plus_a_valid_id_number() -> None:
    id_number = make_id("410322", "20150301", "124")
    info = parse_student_no("G" + id_number, today=TODAY)
    assert (info.number, info.kind) == ("G" + id_number, StudentNoKind.G)
    assert info.birth_date == dt.date(2015, 3, 1)
    assert info.sex == Sex.FEMALE  # 4 is even


def test_g_number_with_a_wrong_check_character_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        parse_student_no("G340524198001010013", today=TODAY)
    assert "check character of student number G340524198001010013" in info.value.what


def test_j_number_follows_the_id_rules_and_is_not_called_an_id_number() -> None:
    body = make_id("410308", "20160709", "031")
    info = parse_student_no("j" + body.lower(), today=TODAY)
    assert (info.number, info.kind, info.sex) == ("J" + body, StudentNoKind.J, Sex.MALE)
    typo = "J" + body[:-1] + ("0" if body[-1] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        parse_student_no(typo, today=TODAY)
    assert "student number" in err.value.what
    assert "ID number" not in err.value.what


def test_l_number_has_area_date_and_four_digits_without_a_check_digit() -> None:
    info = parse_student_no("L410308201501050000", today=TODAY)
    assert info.kind == StudentNoKind.L
    assert info.birth_date == dt.date(2015, 1, 5)
    assert info.sex is None
    # Any last four digits are fine: there is no check digit to get wrong.
    assert parse_student_no("L410308201501059999", today=TODAY).number == "L410308201501059999"


@pytest.mark.parametrize("date", ["20150230", "20151301", "20150000"])
def test_l_number_with_an_impossible_date_is_rejected(date: str) -> None:
    with pytest.raises(ValidationError, match="not a real date"):
        parse_student_no(f"L410308{date}1234", today=TODAY)


def test_l_number_with_a_future_date_is_rejected() -> None:
    with pytest.raises(ValidationError, match="future"):
        parse_student_no("L410308202701011234", today=TODAY)


@pytest.mark.parametrize(
    "value",
    [
        "X11010519491231002X",  # unknown prefix
        "11010519491231002X",  # an ID number without its prefix
        "G11010519491231002",  # 18 characters
        "G11010519491231002X1",  # 20 characters
        "L41030820150105123",  # L with 17 digits
        "L4103082015010512345",  # L with 19 digits
        "L41030820150105123X",  # L numbers have no X
        "GG11010519491231002X",
    ],
)
def test_wrong_prefixes_and_lengths_are_rejected(value: str) -> None:
    with pytest.raises(ValidationError, match="not a valid"):
        parse_student_no(value, today=TODAY)


def test_empty_student_number_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_student_no(" ", today=TODAY)


# --- 学校标识码, 行政区划代码 -----------------------------------------------------------------


def test_school_and_district_codes() -> None:
    assert parse_school_code(" 2141003456 ") == "2141003456"
    assert parse_school_code("２１４１００３４５６") == "2141003456"
    assert parse_district_code("410308") == "410308"
    for bad in ("214100345", "21410034567", "21410034a6"):
        with pytest.raises(ValidationError, match="school identification code"):
            parse_school_code(bad)
    with pytest.raises(ValidationError, match="empty"):
        parse_school_code("")
    for bad in ("41030", "010308", "4103081"):
        with pytest.raises(ValidationError, match="administrative division code"):
            parse_district_code(bad)
