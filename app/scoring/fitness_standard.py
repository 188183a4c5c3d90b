"""国家学生体质健康标准（2014年修订）: the reference JSON, loaded once and indexed for fast scoring.

Everything numeric comes from ``resources/standards/fitness_standard_2014.json``; nothing here
retypes a table. The index turns each (item, table key, sex) table into two parallel tuples that
``bisect`` can search, so scoring one item is one C-level binary search:

* Results are compared in "sign space": ``sign * value`` with ``sign = +1`` for higher-better
  items and ``-1`` for lower-better ones (times), so both directions become "higher is better"
  and one code path serves both (negating a float is exact).
* ``thresholds`` is ascending in sign space with blank (null) cells dropped: a blank cell can
  never be met, so leaving it out is exactly "never met".
* ``scores[bisect_right(thresholds, sign * value)]`` is the item score; ``scores[0] == 0`` covers
  "worse than the 10-point row". This equals "the highest band whose threshold is met" because
  the loader checks every table is strictly monotone.
* Bonus tables are laid out the same way: the bonus thresholds are the 100-point threshold plus
  each required margin, in sign space, with ``bonus_points[0] == 0``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import pairwise
from typing import Any, Final

from app.paths import resource_path

STANDARD_FILE: Final = ("standards", "fitness_standard_2014.json")
SEXES: Final = ("male", "female")
BMI_KEY: Final = "bmi"

# (item key, weight %, sign, thresholds, scores, bonus thresholds, bonus points): plain tuples
# because unpacking a tuple in the scoring loop is much cheaper than attribute access.
HotItem = tuple[
    str, int, int, tuple[float, ...], tuple[int, ...], tuple[float, ...], tuple[int, ...]
]


@dataclass(frozen=True, slots=True)
class ItemRule:
    key: str
    weight: int  # percent of the standard score
    sign: int  # +1 higher_better, -1 lower_better
    thresholds: tuple[float, ...]  # ascending in sign space, blank cells dropped
    scores: tuple[int, ...]  # len(thresholds) + 1 entries, scores[0] == 0
    threshold_100: float  # the 100-point threshold as printed (not sign space)
    bonus_thresholds: tuple[float, ...]  # ascending in sign space; () when no bonus
    bonus_points: tuple[int, ...]  # len(bonus_thresholds) + 1 entries, [0] == 0

    def hot(self) -> HotItem:
        return (
            self.key,
            self.weight,
            self.sign,
            self.thresholds,
            self.scores,
            self.bonus_thresholds,
            self.bonus_points,
        )


@dataclass(frozen=True, slots=True)
class GradeRule:
    """What one grade code and sex is tested on, and how it is scored."""

    grade_code: int
    sex: str
    table_key: str
    bmi_weight: int
    bmi_edges: tuple[int, int, int]  # tenths: underweight_max, normal_max, overweight_max
    bmi_scores: tuple[int, int, int, int]  # 低体重, 正常, 超重, 肥胖
    items: tuple[ItemRule, ...]  # scored items other than BMI, in the JSON's order
    hot_items: tuple[HotItem, ...]
    item_keys: tuple[str, ...]  # "bmi" then the keys of ``items``: the order of a result
    bonus_items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FitnessStandard:
    rules: dict[tuple[int, str], GradeRule]
    by_sex: dict[str, dict[int, GradeRule]]  # the same rules without a key tuple per lookup
    level_edges: tuple[int, ...]  # ascending minimum totals in tenths: 60.0, 80.0, 90.0
    level_names: tuple[str, ...]  # len(level_edges) + 1 names, worst first
    total_bonus_cap: int
    grade_codes: tuple[int, ...]

    def rule(self, grade_code: int, sex: str) -> GradeRule | None:
        return self.rules.get((grade_code, sex))


def _tenths(value: float) -> int:
    """A one-decimal figure from the JSON (e.g. 13.4) as exact integer tenths."""
    tenths = Decimal(repr(value)).scaleb(1)
    if tenths != tenths.to_integral_value():
        raise ValueError(f"{value} has more than one decimal")
    return int(tenths)


def _score_table(
    rows: list[dict[str, Any]], sign: int, where: str
) -> tuple[tuple[float, ...], tuple[int, ...]]:
    met = [(sign * r["threshold"], int(r["score"])) for r in rows if r["threshold"] is not None]
    met.reverse()  # rows run 100 → 10 points; bisect wants ascending thresholds
    for (t1, s1), (t2, s2) in pairwise(met):
        if not (t1 < t2 and s1 < s2):
            raise ValueError(f"score table {where} is not strictly monotone at {t1}/{t2}")
    return tuple(t for t, _ in met), (0, *(s for _, s in met))


def _bonus_table(
    spec: dict[str, Any], sign: int, threshold_100: float
) -> tuple[tuple[float, ...], tuple[int, ...]]:
    margin_field = next(k for k in spec["table"][0] if k != "bonus")
    cap = int(spec["max"])
    rows = sorted((r[margin_field], min(int(r["bonus"]), cap)) for r in spec["table"])
    thresholds = tuple(sign * threshold_100 + margin for margin, _ in rows)
    return thresholds, (0, *(b for _, b in rows))


def _item_rule(
    data: dict[str, Any], key: str, weight: int, table_key: str, sex: str, bonus: bool
) -> ItemRule:
    sign = 1 if data["items"][key]["direction"] == "higher_better" else -1
    rows = data["score_tables"][key][table_key][sex]
    thresholds, scores = _score_table(rows, sign, f"{key}/{table_key}/{sex}")
    top = rows[0]
    if top["score"] != 100 or top["threshold"] is None:
        raise ValueError(f"score table {key}/{table_key}/{sex} has no 100-point threshold")
    bonus_thresholds: tuple[float, ...] = ()
    bonus_points: tuple[int, ...] = (0,)
    if bonus:
        bonus_thresholds, bonus_points = _bonus_table(
            data["bonus_tables"][key], sign, top["threshold"]
        )
    return ItemRule(
        key, weight, sign, thresholds, scores, top["threshold"], bonus_thresholds, bonus_points
    )


def _bmi(
    data: dict[str, Any], table_key: str, sex: str
) -> tuple[tuple[int, int, int], tuple[int, int, int, int]]:
    band = {k: _tenths(v) for k, v in data["bmi_bands"][table_key][sex].items()}
    # With BMI rounded to one decimal the bands must tile the line with no gap or overlap.
    if not (
        band["normal_min"] == band["underweight_max"] + 1
        and band["overweight_min"] == band["normal_max"] + 1
        and band["obese_min"] == band["overweight_max"] + 1
    ):
        raise ValueError(f"BMI bands {table_key}/{sex} leave a gap")
    points = data["scoring_rules"]["bmi_score"]
    edges = (band["underweight_max"], band["normal_max"], band["overweight_max"])
    return edges, (points["低体重"], points["正常"], points["超重"], points["肥胖"])


def _grade_rule(data: dict[str, Any], grade_code: int, table_key: str, sex: str) -> GradeRule:
    spec = data["applicability_by_grade_code"][str(grade_code)][sex]
    weights: dict[str, int] = spec["items_weight_percent"]
    bonus_items = tuple(spec["bonus_items"])
    items = tuple(
        _item_rule(data, key, int(w), table_key, sex, key in bonus_items)
        for key, w in weights.items()
        if key != BMI_KEY
    )
    edges, bmi_scores = _bmi(data, table_key, sex)
    return GradeRule(
        grade_code=grade_code,
        sex=sex,
        table_key=table_key,
        bmi_weight=int(weights[BMI_KEY]),
        bmi_edges=edges,
        bmi_scores=bmi_scores,
        items=items,
        hot_items=tuple(i.hot() for i in items),
        item_keys=(BMI_KEY, *(i.key for i in items)),
        bonus_items=bonus_items,
    )


def _levels(data: dict[str, Any]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    levels = data["grade_levels"]["levels"]
    bounded = sorted((_tenths(lv["min"]), lv["name"]) for lv in levels if "min" in lv)
    bottom = [lv["name"] for lv in levels if "min" not in lv]
    if len(bottom) != 1:
        raise ValueError("grade_levels needs exactly one level without a minimum")
    return tuple(t for t, _ in bounded), (bottom[0], *(n for _, n in bounded))


def build_standard(data: dict[str, Any]) -> FitnessStandard:
    """Index a parsed standard JSON (see the module docstring); raises ValueError if malformed."""
    rules: dict[tuple[int, str], GradeRule] = {}
    codes = []
    for group in data["grade_groups"]:
        code = int(group["grade_code"])
        codes.append(code)
        for sex in SEXES:
            rules[(code, sex)] = _grade_rule(data, code, group["table_key"], sex)
    edges, names = _levels(data)
    return FitnessStandard(
        rules=rules,
        by_sex={sex: {c: r for (c, s), r in rules.items() if s == sex} for sex in SEXES},
        level_edges=edges,
        level_names=names,
        total_bonus_cap=int(data["bonus_tables"]["total_bonus_cap"]),
        grade_codes=tuple(codes),
    )


def load_json() -> dict[str, Any]:
    path = resource_path(*STANDARD_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def standard() -> FitnessStandard:
    """The bundled standard, read and indexed on first use, then shared (it is immutable)."""
    return build_standard(load_json())
