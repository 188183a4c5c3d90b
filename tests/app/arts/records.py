"""Award and specialty records for the pure rule tests (no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.arts.constants import (
    AwardDomain,
    AwardLevel,
    AwardRank,
    SpecialtyRoute,
    specialty_group_of,
)
from app.arts.models import Award, Specialty
from app.models import RecordMeta


def award(
    level: AwardLevel = AwardLevel.COUNTY,
    *,
    authority: bool = True,
    domain: AwardDomain = AwardDomain.ARTS,
    whitelist: bool | None = None,
    uuid: str = "a1",
    **more: Any,
) -> Award:
    values: dict[str, Any] = {
        "school_code": "2141003456", "domain": domain, "event": "孟津区中小学生艺术展演",
        "organizer": "孟津区教育体育局" if authority else "某艺术培训学校",
        "organizer_is_education_authority": authority, "level": level, "rank": AwardRank.FIRST,
        "rank_text": "一等奖", "date": dt.date(2026, 10, 1), "certificate_no": "",
        "on_moe_whitelist": whitelist, "adviser": "", "team_name": "", "category": "声乐",
        "note": "", "meta": RecordMeta(uuid=uuid),
    }  # fmt: skip
    values.update(more)
    return Award(**values)


def specialty(category: str, route: SpecialtyRoute, uuid: str = "s1") -> Specialty:
    group = specialty_group_of(category)
    assert group is not None
    return Specialty(
        "student", "2026-2027", group, category, "", "", route, "", RecordMeta(uuid=uuid)
    )
