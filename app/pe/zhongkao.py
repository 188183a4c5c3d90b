"""中招体育 as per-year configuration (domain_rules §4.1): items, scoring tables, points and the
process share all come from the year's official notice, entered by the school or district.

There are NO built-in numbers: the Henan/Luoyang rules could not be verified, so the default is
an empty configuration and ``validate_zhongkao`` refuses an incomplete one. The stored form (the
``zhongkao_pe_config`` setting, keyed by exam year) follows the shape in domain_rules §4.1::

    {"year": 2025, "total_score": 70, "exam_max": 60, "process_max": 10, "source": "文号 …",
     "items": [{"code": "run_1000m", "name": "1000米跑", "sex": "M", "type": "必考",
                "max": 20, "table_id": "t1000", "direction": "lower_better", "unit": "s"}, …],
     "elective_rule": {"choose": 2},
     "scoring_tables": {"t1000": [[210, 20], [215, 19.5], …]}}

Scoring an item: the points of the best row whose threshold the result meets (higher-better:
result ≥ threshold; lower-better: result ≤ threshold); none met → 0. Electives: when more results
are given than ``choose``, the best ``choose`` count (one per ``group`` when groups are set).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final

from app.errors import ValidationError
from app.i18n import tr

COMPULSORY, ELECTIVE = "compulsory", "elective"
_TYPES: Final = {"必考": COMPULSORY, COMPULSORY: COMPULSORY, "选考": ELECTIVE, ELECTIVE: ELECTIVE}
_SEXES: Final = {"M": frozenset({"male"}), "F": frozenset({"female"}),
                 "MF": frozenset({"male", "female"})}  # fmt: skip
DIRECTIONS: Final = ("higher_better", "lower_better")


@dataclass(frozen=True)
class ZhongkaoItem:
    code: str
    name: str
    sexes: frozenset[str]
    kind: str  # compulsory / elective
    max_points: float
    table_id: str
    direction: str
    group: str = ""
    unit: str = ""


@dataclass(frozen=True)
class ZhongkaoConfig:
    year: int
    items: tuple[ZhongkaoItem, ...]
    tables: Mapping[str, tuple[tuple[float, float], ...]]  # table id → (threshold, points) rows
    total_score: float | None = None
    exam_max: float | None = None
    process_max: float | None = None  # the 过程性评价 share in points; None: no process part
    elective_choose: int | None = None  # None: every elective given counts
    source: str = ""  # the notice the numbers come from


def _number(value: Any, what: str, problems: list[str]) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(tr("{what} must be a number.", what=what))
        return None
    return float(value)


def _table(tid: str, rows: Any, problems: list[str]) -> tuple[tuple[float, float], ...]:
    good: list[tuple[float, float]] = []
    if not isinstance(rows, list) or not rows:
        problems.append(tr("Scoring table {table} has no rows.", table=tid))
        return ()
    for row in rows:
        if (
            not isinstance(row, list | tuple)
            or len(row) != 2
            or any(isinstance(v, bool) or not isinstance(v, int | float) for v in row)
        ):
            problems.append(tr("Scoring table {table}: each row is [result, points].", table=tid))
            return ()
        good.append((float(row[0]), float(row[1])))
    return tuple(good)


def _item(raw: Any, tables: Mapping[str, Any], problems: list[str]) -> ZhongkaoItem | None:
    if not isinstance(raw, Mapping):
        problems.append(tr("Each item must be an object."))
        return None
    code = str(raw.get("code") or raw.get("name") or "").strip()
    where = code or "?"
    kind = _TYPES.get(str(raw.get("type", "")))
    sexes = _SEXES.get(str(raw.get("sex", "MF")))
    direction = str(raw.get("direction", "higher_better"))
    max_points = _number(raw.get("max"), tr("The maximum of item {item}", item=where), problems)
    table_id = str(raw.get("table_id", ""))
    if not code:
        problems.append(tr("An item has no code or name."))
    if kind is None:
        problems.append(tr("Item {item}: the type must be 必考 or 选考.", item=where))
    if sexes is None:
        problems.append(tr("Item {item}: sex must be M, F or MF.", item=where))
    if direction not in DIRECTIONS:
        problems.append(
            tr("Item {item}: direction must be higher_better or lower_better.", item=where)
        )
    if max_points is None or max_points <= 0:
        problems.append(tr("Item {item} needs its maximum points.", item=where))
    if table_id not in tables:
        problems.append(
            tr("Item {item}: scoring table {table} is missing.", item=where, table=table_id)
        )
    if (
        not code
        or kind is None
        or sexes is None
        or direction not in DIRECTIONS
        or max_points is None
    ):
        return None
    return ZhongkaoItem(code, str(raw.get("name") or code), sexes, kind, max_points, table_id,
                        direction, str(raw.get("group", "")), str(raw.get("unit", "")))  # fmt: skip


def _check_table(
    item: ZhongkaoItem, rows: tuple[tuple[float, float], ...], problems: list[str]
) -> None:
    ordered = sorted(rows, key=lambda r: r[0], reverse=item.direction == "higher_better")
    points = [p for _, p in ordered]  # best result first
    if any(not 0 <= p <= item.max_points for p in points):
        problems.append(
            tr(
                "Item {item}: table points must lie between 0 and the item's maximum.",
                item=item.code,
            )
        )
    if any(b >= a for a, b in pairwise(points)):
        problems.append(
            tr("Item {item}: a better result must always earn more points.", item=item.code)
        )


def validate_zhongkao(data: Mapping[str, Any]) -> ZhongkaoConfig:
    """A stored or entered configuration, checked; raises ValidationError listing every problem."""
    problems: list[str] = []
    year = data.get("year")
    if type(year) is not int or not 2000 <= year <= 2100:
        problems.append(tr("The exam year must be a year such as 2025."))
    raw_tables = data.get("scoring_tables") or {}
    if not isinstance(raw_tables, Mapping):
        raw_tables = {}
        problems.append(tr("The scoring tables must be an object of tables."))
    tables = {str(k): _table(str(k), v, problems) for k, v in raw_tables.items()}
    raw_items = data.get("items") or []
    if not isinstance(raw_items, list) or not raw_items:
        problems.append(tr("The configuration has no items; enter them from the year's notice."))
        raw_items = []
    items = [i for i in (_item(r, tables, problems) for r in raw_items) if i is not None]
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        problems.append(tr("Item codes must be distinct."))
    for item in items:
        if tables.get(item.table_id):
            _check_table(item, tables[item.table_id], problems)
    total = _number(data.get("total_score"), tr("The total score"), problems)
    exam = _number(data.get("exam_max"), tr("The exam maximum"), problems)
    process = _number(data.get("process_max"), tr("The process maximum"), problems)
    if total is not None and exam is not None and abs(exam + (process or 0) - total) > 1e-9:
        problems.append(tr("The exam and process maxima must add up to the total score."))
    rule = data.get("elective_rule") or {}
    choose = rule.get("choose") if isinstance(rule, Mapping) else None
    electives = sum(i.kind == ELECTIVE for i in items)
    if choose is not None and (type(choose) is not int or not 0 < choose <= max(electives, 0)):
        problems.append(tr("The elective rule must choose between 1 and the number of electives."))
    if problems:
        raise ValidationError(
            " ".join(problems), tr("Correct the 中招体育 configuration from the official notice.")
        )
    assert isinstance(year, int)  # checked above
    return ZhongkaoConfig(year=year, items=tuple(items), tables=tables, total_score=total,
                          exam_max=exam, process_max=process, elective_choose=choose,
                          source=str(data.get("source", "")))  # fmt: skip


def item_points(item: ZhongkaoItem, table: tuple[tuple[float, float], ...], result: float) -> float:
    if item.direction == "higher_better":
        met = [p for t, p in table if result >= t]
    else:
        met = [p for t, p in table if result <= t]
    return min(max(met, default=0.0), item.max_points)


@dataclass(frozen=True)
class ZhongkaoScore:
    item_points: Mapping[str, float]  # item code → points, the items that count
    dropped: tuple[str, ...]  # electives given but not counted (beyond ``choose``)
    missing: tuple[str, ...]  # compulsory items with no result (scored 0)
    exam: float
    process: float | None
    total: float


def zhongkao_score(
    config: ZhongkaoConfig,
    sex: str,
    results: Mapping[str, float],
    *,
    process_score: float | None = None,
) -> ZhongkaoScore:
    """A student's 中招体育 points: ``results`` maps item codes to raw results (times in
    seconds); ``process_score`` (0–100) is scaled to ``process_max`` when the scheme has one."""
    mine = [i for i in config.items if sex in i.sexes]
    points: dict[str, float] = {}
    missing = []
    for item in (i for i in mine if i.kind == COMPULSORY):
        if item.code in results:
            points[item.code] = item_points(item, config.tables[item.table_id], results[item.code])
        else:
            missing.append(item.code)
    scored = sorted(
        ((item_points(i, config.tables[i.table_id], results[i.code]), i) for i in mine
         if i.kind == ELECTIVE and i.code in results),
        key=lambda pair: -pair[0],
    )  # fmt: skip
    dropped, groups = [], set()
    for value, item in scored:
        full = (
            config.elective_choose is not None
            and sum(1 for i in mine if i.code in points and i.kind == ELECTIVE)
            >= config.elective_choose
        )
        if full or (item.group and item.group in groups):
            dropped.append(item.code)
            continue
        points[item.code] = value
        groups.add(item.group)
    exam = sum(points.values())
    process = None
    if config.process_max is not None and process_score is not None:
        process = round(config.process_max * min(max(process_score, 0.0), 100.0) / 100, 2)
    total = exam + (process or 0.0)
    if config.total_score is not None:
        total = min(total, config.total_score)
    return ZhongkaoScore(points, tuple(dropped), tuple(missing), exam, process, total)
