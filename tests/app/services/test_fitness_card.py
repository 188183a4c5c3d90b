"""Result cards: one per student on roll with the engine's figures, m'ss times, the change since
last year, advice for weak items, and print-friendly HTML (one card per page, labels via tr())."""

from __future__ import annotations

import re

import pytest

from app import i18n
from app.reports.fitness_advice import advice_texts
from app.reports.fitness_card import (
    COMPLETE,
    EXEMPT,
    INCOMPLETE,
    UNTESTED,
    fitness_result_cards,
    render_cards_html,
)
from app.services import fitness_records as fr
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import PREVIOUS, YEAR
from tests.app.services.fitness_stats_helpers import GIRL, WEAK_GIRL, Seventh, build_seventh


@pytest.fixture
def seventh(school_ws: Workspace) -> Seventh:
    return build_seventh(school_ws)


def test_a_card_per_student_with_the_engines_figures(
    school_ws: Workspace, seventh: Seventh
) -> None:
    cards = fitness_result_cards(school_ws.db, seventh.c1, YEAR)
    assert [c.student_no for c in cards] == sorted(c.student_no for c in cards)
    assert {c.student_uuid for c in cards} == set(seventh.tested(seventh.c1))
    for card in cards:
        result = seventh.result(card.student_uuid)
        assert card.status == COMPLETE and card.class_name == "七年级(1)班"
        assert (card.total, card.standard_score, card.bonus) == (
            result.total_score,
            result.standard_score,
            result.bonus_total,
        )
        assert [i.key for i in card.items] == list(result.keys)
        assert [i.score for i in card.items] == list(result.scores)
        _, _, values = seventh.decisive[card.student_uuid]
        assert card.measurements == (
            ("height", f"{values['height_cm']:.1f} cm"),
            ("weight", f"{values['weight_kg']:.1f} kg"),
        )
        assert card.change_note == "No result last year to compare with."
    boy = next(c for c in cards if c.sex == "male")
    run = next(i for i in boy.items if i.key == "run_1000m")
    assert re.fullmatch(r"\d'\d\d", run.value) and run.unit == ""
    assert {i.level for i in boy.items} <= {"excellent", "good", "pass", "fail"}


def test_weak_items_get_their_advice(school_ws: Workspace, seventh: Seventh) -> None:
    weak = next(u for u, (_, _, v) in seventh.decisive.items() if v is WEAK_GIRL)
    card = next(
        c for c in fitness_result_cards(school_ws.db, seventh.c1, YEAR) if c.student_uuid == weak
    )
    weak_items = [i.key for i in card.items if i.score is not None and i.score < 60]
    assert "sit_up_1min" in weak_items
    texts = advice_texts()
    assert list(card.advice) == [texts[k] for k in weak_items]
    assert "Do 3 sets of sit-ups a day, adding a few more each week." in card.advice


def test_exempt_incomplete_and_untested_cards(school_ws: Workspace, seventh: Seventh) -> None:
    cards = fitness_result_cards(school_ws.db, seventh.c2, YEAR)
    status = {c.student_uuid: c for c in cards}
    (exempt,) = seventh.exempt
    assert status[exempt].status == EXEMPT and status[exempt].exempt_reason == "腿部骨折"
    assert status[exempt].items == () and status[exempt].advice == ()
    (incomplete,) = seventh.incomplete
    assert status[incomplete].status == INCOMPLETE and status[incomplete].total is None
    assert status[incomplete].missing == ("800 m run",)
    (untested,) = seventh.untested
    assert status[untested].status == UNTESTED and status[untested].items == ()


def test_the_change_since_last_year(school_ws: Workspace, seventh: Seventh) -> None:
    girl = next(u for u, (c, _, v) in seventh.decisive.items() if v is GIRL)
    sixth = {"height_cm": 150.0, "weight_kg": 40.0, "vital_capacity": 1800, "run_50m": 9.5,
             "sit_and_reach": 12.0, "rope_skip_1min": 120, "sit_up_1min": 35, "shuttle_50m_x8": 110}  # fmt: skip
    last = fr.save_values(school_ws.db, girl, PREVIOUS, sixth, actor="t")
    card = next(
        c for c in fitness_result_cards(school_ws.db, seventh.c1, YEAR) if c.student_uuid == girl
    )
    now = seventh.result(girl)
    assert last.total_score is not None and now.total_score is not None
    assert card.previous_total == last.total_score
    assert card.total_change == pytest.approx(now.total_score - last.total_score)
    assert card.change_note.startswith(f"Total {card.total_change:+.1f} since {PREVIOUS}")
    changes = {i.key: i.change for i in card.items}
    assert changes["sit_up_1min"] == now.item("sit_up_1min").score - last.item("sit_up_1min").score  # type: ignore[operator]
    assert changes["standing_long_jump"] is None  # not an item of 六年级


def test_the_html_has_a_page_per_card_names_and_advice(
    school_ws: Workspace, seventh: Seventh
) -> None:
    cards = fitness_result_cards(school_ws.db, seventh.c1, YEAR)
    html = render_cards_html(cards)
    for card in cards:
        assert card.name in html and card.student_no in html
    assert html.count("page-break-after: always") == len(cards) - 1
    assert "Practise rope skipping" not in html  # nobody in 七年级 skips rope
    assert "Do 3 sets of sit-ups a day" in html
    assert "<table" in html and "display:" not in html and "flex" not in html


def test_the_html_reads_in_chinese(school_ws: Workspace, seventh: Seventh) -> None:
    i18n.set_language("zh_CN")
    html = render_cards_html(fitness_result_cards(school_ws.db, seventh.c1, YEAR))
    for label in (
        "学生体质健康测试成绩单",
        "姓名",
        "学籍号",
        "得分",
        "锻炼建议",
        "每天做3组仰卧起坐",
    ):
        assert label in html
