"""The indexes the district aggregates were measured with are the ones SQLite picks (the
benchmark's figures depend on them; a changed query or index shows here first)."""

from __future__ import annotations

from typing import Any

from app.services.district import fitness, labor, labor_cache
from app.services.district.scope import ON_ROLL
from app.services.workspace import Workspace
from db import repo_labor


def _plan(ws: Workspace, sql: str, params: Any) -> str:
    return "\n".join(str(r[-1]) for r in ws.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_the_decisive_attempt_reads_the_years_retests_from_their_own_index(
    workspace: Workspace,
) -> None:
    params = {"school_year": "2026-2027", "level0": "", "level1": "", "level2": "", "level3": ""}
    plan = _plan(workspace, fitness._cells_sql(ON_ROLL), params)
    assert "fitness_tests_retests" in plan
    assert "fitness_tests_key" in plan  # each student's test found by the live key


def test_labor_figures_read_the_cache_by_its_key(workspace: Workspace) -> None:
    sql = labor.labor_sql(repo_labor.get_config(workspace.db), None, False)
    plan = _plan(workspace, sql, {"term": "2026-2027-1", "days": 92})
    assert "SEARCH m USING PRIMARY KEY (school_code=? AND term=? AND student_uuid=?)" in plan


def test_a_schools_cache_rebuild_starts_from_its_own_activities(workspace: Workspace) -> None:
    plan = _plan(workspace, labor_cache._REBUILD, ["4141000011"])
    assert "labor_activities_date (school_code=?)" in plan
    assert "labor_participations_key (activity_uuid=?)" in plan
