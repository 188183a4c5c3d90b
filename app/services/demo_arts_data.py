"""Names and events the arts demo draws from (see ``demo_arts``). The organisers of the two
non-education contests are invented names, on purpose."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from app.arts.constants import SPECIALTY_CATEGORIES, ProgrammeField, ProgrammeKind, SpecialtyGroup

CLUBS: tuple[tuple[ProgrammeKind, ProgrammeField, str, str], ...] = (
    (ProgrammeKind.SIGNATURE, ProgrammeField.ART, "豫剧进校园", "戏曲"),
    (ProgrammeKind.CLUB, ProgrammeField.ART, "合唱团", "合唱"),
    (ProgrammeKind.CLUB, ProgrammeField.ART, "民乐团", "民乐"),
    (ProgrammeKind.CLUB, ProgrammeField.ART, "舞蹈队", "舞蹈"),
    (ProgrammeKind.CLUB, ProgrammeField.ART, "书法社", "书法"),
    (ProgrammeKind.CLUB, ProgrammeField.ART, "美术社", "美术"),
    (ProgrammeKind.INTEREST_GROUP, ProgrammeField.ART, "剪纸兴趣小组", "剪纸"),
    (ProgrammeKind.CLUB, ProgrammeField.SPORT, "足球社", "足球"),
)
# Club → the specialty its members train (社团 route).
PROJECT_SPECIALTY = {
    "合唱团": "声乐",
    "民乐团": "器乐",
    "舞蹈队": "舞蹈",
    "书法社": "书法",
    "美术社": "绘画",
    "剪纸兴趣小组": "剪纸",
    "豫剧进校园": "戏曲",
}
COUNTY_BUREAU = "孟津区教育体育局"
CITY_BUREAU = "洛阳市教育局"
PROVINCE_BUREAU = "河南省教育厅"
_ARTS_EVENTS = {
    "county": ("孟津区中小学生艺术展演", "孟津区中小学生书画比赛", "孟津区校园合唱比赛"),
    "city": ("洛阳市中小学生艺术展演", "洛阳市中小学生书法比赛"),
    "provincial": ("河南省中小学生艺术展演",),
}
_ORGANISER = {"county": COUNTY_BUREAU, "city": CITY_BUREAU, "provincial": PROVINCE_BUREAU}
_LEVEL_WEIGHTS = {"school": 40, "county": 32, "city": 18, "provincial": 10}
_RANKS = ("一等奖", "二等奖", "三等奖", "优秀奖", "金奖")
_RANK_WEIGHTS = (20, 30, 32, 14, 4)


def _event(
    domain: str, event: str, organiser: str, authority: bool, level: str, rank: str, **more: Any
) -> dict[str, Any]:
    return {
        "domain": domain,
        "event": event,
        "category": more.get("category", ""),
        "organizer": organiser,
        "organizer_is_education_authority": int(authority),
        "level": level,
        "rank_text": rank,
        "team_name": more.get("team_name", ""),
        "note": "",
        "on_moe_whitelist": more.get("whitelist"),
        "winners": more.get("winners", 1),
    }


def award_events(rng: random.Random, school: str, students: int) -> list[dict[str, Any]]:
    """Award events with a ``winners`` count; arts awards for about 3% of the students."""
    categories = [c for group in SpecialtyGroup for c in SPECIALTY_CATEGORIES[group]]
    events = []
    for _ in range(max(6, round(students * 0.03))):
        level = rng.choices(list(_LEVEL_WEIGHTS), weights=list(_LEVEL_WEIGHTS.values()))[0]
        category = rng.choice(categories)
        name = (
            f"{school}艺术节{category}比赛"
            if level == "school"
            else rng.choice(_ARTS_EVENTS[level])
        )
        organiser = school if level == "school" else _ORGANISER[level]
        rank = rng.choices(_RANKS, weights=_RANK_WEIGHTS)[0]
        events.append(_event("arts", name, organiser, True, level, rank, category=category))
    events += [
        _event("arts", "全国中小学生艺术展演活动", "教育部", True, "national", "二等奖",
               category="器乐", whitelist=1),
        _event("arts", "全国青少年艺术风采大赛", "华夏青少年艺术交流中心", False, "national",
               "金奖", category="舞蹈", whitelist=0),
        _event("arts", "洛阳市少儿书画大赛", "洛阳市书画艺术培训协会", False, "city", "一等奖",
               category="书法"),
        _event("sports", "孟津区中小学生田径运动会", COUNTY_BUREAU, True, "county", "第一名",
               category="100米", winners=1),
        _event("sports", "孟津区中小学生田径运动会", COUNTY_BUREAU, True, "county", "第三名",
               category="跳远", winners=1),
        _event("sports", "洛阳市中小学生校园足球联赛", CITY_BUREAU, True, "city", "二等奖",
               category="足球", team_name="校足球队", winners=12),
        _event("sports", f"{school}冬季长跑比赛", school, True, "school", "一等奖",
               category="长跑", winners=3),
        _event("labor", "孟津区中小学生劳动技能展示", COUNTY_BUREAU, True, "county", "优秀奖",
               category="烹饪", winners=1),
    ]  # fmt: skip
    return events


def self_evaluation_sections(
    rng: random.Random, students: int, prefill: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """A plausible self-evaluation for a school of ``students``, over what the records give."""
    total = max(2, round(students / 180))
    music = (total + 1) // 2
    other = 1 if total >= 6 else 0
    part_time = rng.randint(0, total // 3)
    activities = dict(prefill.get("activities", {}).get("fields", {}))
    activities.update(weekly_activities=rng.choice((2, 3)))
    return {
        "courses": {
            "score": rng.randint(24, 29),
            "fields": {"music_hours": 2, "fine_art_hours": 2, "integrated_hours": 0, "local_hours": 1},
        },
        "activities": {"score": rng.randint(15, 19), "fields": activities},
        "teachers": {
            "score": rng.randint(13, 18),
            "fields": {
                "total": total, "full_time": total - part_time, "part_time": part_time,
                "music": music, "fine_art": total - music - other, "other": other,
                "avg_weekly_hours": rng.choice((14, 15, 16)), "vacancies": rng.randint(0, 2),
                "trained_county_plus": rng.randint(1, total),
            },
        },
        "conditions": {
            "score": rng.randint(14, 18),
            "fields": {"经费投入": "生均艺术教育经费按标准拨付", "专用教室": "音乐教室2间、美术教室2间",
                       "器材配备": "基本达到省定标准"},
        },
        "features": {
            "score": rng.randint(6, 9),
            "fields": {"特色项目": "豫剧进校园（一校一品）", "特色成果": "获区级以上艺术展演奖项多项"},
        },
    }  # fmt: skip
