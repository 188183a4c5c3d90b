"""毕业成绩 on the result cards of a graduating grade (初三 here)."""

from __future__ import annotations

import html

from app.reports.fitness_card import fitness_result_cards, render_cards_html
from app.scoring.fitness_score import graduation_score, level_of
from app.services.fitness_graduation import graduation_results
from app.services.fitness_records import save_values, year_result
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import BOY_21, YEAR, add_student, uuid_of

EARLIER = ("2024-2025", "2025-2026")


def _total(ws: Workspace, uuid: str, year: str) -> float:
    result = year_result(ws.db, uuid, year)
    assert result is not None and result.total_score is not None
    return result.total_score


def test_graduating_student_gets_the_half_and_half_score_on_the_card(school_ws: Workspace) -> None:
    boy = uuid_of(add_student(school_ws, 1, grade="九年级"))
    # a slower 1000 m in the earlier years, so the years differ
    for year, run in zip(EARLIER, ("4'40", "4'20"), strict=True):
        save_values(school_ws.db, boy, year, {**BOY_21, "run_1000m": run}, actor="t")
    save_values(school_ws.db, boy, YEAR, BOY_21, actor="t")
    final = _total(school_ws, boy, YEAR)
    others = [_total(school_ws, boy, y) for y in EARLIER]
    expected = graduation_score(final, others)

    [card] = fitness_result_cards(school_ws.db, _class_of(school_ws, boy), YEAR)

    assert f"{expected:.1f}" in card.graduation
    assert "2024-2025" in card.graduation and "2025-2026" in card.graduation
    assert html.escape(card.graduation) in render_cards_html([card])
    grad = graduation_results(school_ws.db, [(boy, 23, final)], YEAR)[boy]
    assert (grad.score, grad.level) == (expected, level_of(expected))


def test_a_year_with_no_total_is_not_averaged(school_ws: Workspace) -> None:
    boy = uuid_of(add_student(school_ws, 1, grade="九年级"))
    incomplete = {k: v for k, v in BOY_21.items() if k != "pull_up"}
    save_values(school_ws.db, boy, EARLIER[0], incomplete, actor="t")
    save_values(school_ws.db, boy, EARLIER[1], BOY_21, actor="t")
    save_values(school_ws.db, boy, YEAR, BOY_21, actor="t")
    final = _total(school_ws, boy, YEAR)
    grad = graduation_results(school_ws.db, [(boy, 23, final)], YEAR)[boy]
    assert grad.other_years == (EARLIER[1],)
    assert grad.score == graduation_score(final, [_total(school_ws, boy, EARLIER[1])])


def test_other_grades_get_no_graduation_line(school_ws: Workspace) -> None:
    boy = uuid_of(add_student(school_ws, 1, grade="八年级"))
    save_values(school_ws.db, boy, YEAR, BOY_21, actor="t")
    [card] = fitness_result_cards(school_ws.db, _class_of(school_ws, boy), YEAR)
    assert card.graduation == ""
    assert graduation_results(school_ws.db, [(boy, 22, 80.0)], YEAR) == {}


def _class_of(ws: Workspace, uuid: str) -> str:
    row = ws.db.execute("SELECT class_uuid FROM students WHERE uuid = ?", [uuid]).fetchone()
    return str(row[0])
