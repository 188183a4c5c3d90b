"""Enums of arts education and of the shared Award record (domain_rules §2.3, §2.4, §7).

Stored values are the English keys; ``label_zh`` is what a clerk reads. ``parse_*`` accept the
spellings schools write in spreadsheets (国家级 / 国家 / 全国, 县区级 / 区级 / 县级 …) and return
None for anything else, so an importer can reject the cell with its own message.
"""

from __future__ import annotations

from enum import StrEnum

from app.validation.text import clean


class AwardDomain(StrEnum):
    ARTS = "arts"  # 美育
    SPORTS = "sports"  # 体育
    LABOR = "labor"  # 劳动
    OTHER = "other"  # 其他

    @property
    def label_zh(self) -> str:
        return _DOMAIN_ZH[self]


_DOMAIN_ZH = {
    AwardDomain.ARTS: "美育",
    AwardDomain.SPORTS: "体育",
    AwardDomain.LABOR: "劳动",
    AwardDomain.OTHER: "其他",
}


class AwardLevel(StrEnum):
    """Competition level, highest first (孟津 = 县区级, 洛阳 = 市级)."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    CITY = "city"
    COUNTY = "county"
    SCHOOL = "school"

    @property
    def label_zh(self) -> str:
        return _LEVEL_ZH[self]


_LEVEL_ZH = {
    AwardLevel.NATIONAL: "国家级",
    AwardLevel.PROVINCIAL: "省级",
    AwardLevel.CITY: "市级",
    AwardLevel.COUNTY: "县区级",
    AwardLevel.SCHOOL: "校级",
}


class AwardRank(StrEnum):
    """The award's class. Certificates also say 金奖, 冠军 or 第一名: those map to the matching
    class here, and the certificate's own wording is kept in ``rank_text``."""

    SPECIAL = "special"  # 特等奖
    FIRST = "first"  # 一等奖
    SECOND = "second"  # 二等奖
    THIRD = "third"  # 三等奖
    MERIT = "merit"  # 优秀奖
    OTHER = "other"  # anything else (第四名, 最佳创意奖 …): rank_text says what

    @property
    def label_zh(self) -> str:
        return _RANK_ZH[self]


_RANK_ZH = {
    AwardRank.SPECIAL: "特等奖",
    AwardRank.FIRST: "一等奖",
    AwardRank.SECOND: "二等奖",
    AwardRank.THIRD: "三等奖",
    AwardRank.MERIT: "优秀奖",
    AwardRank.OTHER: "其他",
}


class ActivityKind(StrEnum):
    CLUB = "club"  # 社团
    INTEREST_GROUP = "interest_group"  # 兴趣小组
    FESTIVAL = "festival"  # 艺术节
    PERFORMANCE = "performance"  # 展演

    @property
    def label_zh(self) -> str:
        return _ACTIVITY_ZH[self]


_ACTIVITY_ZH = {
    ActivityKind.CLUB: "社团",
    ActivityKind.INTEREST_GROUP: "兴趣小组",
    ActivityKind.FESTIVAL: "艺术节",
    ActivityKind.PERFORMANCE: "展演",
}


class ArtsSubject(StrEnum):
    """The arts courses a course record belongs to (the same four the self-evaluation counts)."""

    MUSIC = "music"  # 音乐
    FINE_ART = "fine_art"  # 美术
    INTEGRATED = "integrated"  # 综合艺术
    LOCAL = "local"  # 地方/校本艺术课

    @property
    def label_zh(self) -> str:
        return _SUBJECT_ZH[self]


_SUBJECT_ZH = {
    ArtsSubject.MUSIC: "音乐",
    ArtsSubject.FINE_ART: "美术",
    ArtsSubject.INTEGRATED: "综合艺术",
    ArtsSubject.LOCAL: "地方校本",
}


class Rating(StrEnum):
    """Participation in class (课堂参与度)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    PASS = "pass"
    POOR = "poor"

    @property
    def label_zh(self) -> str:
        return {"excellent": "优秀", "good": "良好", "pass": "合格", "poor": "待改进"}[self.value]


class SpecialtyGroup(StrEnum):
    PERFORMANCE = "performance"  # 艺术表演类
    WORKS = "works"  # 艺术作品类
    WORKSHOP = "workshop"  # 学生艺术实践工作坊

    @property
    def label_zh(self) -> str:
        return _GROUP_ZH[self]


_GROUP_ZH = {
    SpecialtyGroup.PERFORMANCE: "艺术表演类",
    SpecialtyGroup.WORKS: "艺术作品类",
    SpecialtyGroup.WORKSHOP: "学生艺术实践工作坊",
}

# The 全国中小学生艺术展演 classes and the Jining 艺术特长 list (domain_rules §2.3).
SPECIALTY_CATEGORIES: dict[SpecialtyGroup, tuple[str, ...]] = {
    SpecialtyGroup.PERFORMANCE: ("声乐", "器乐", "舞蹈", "戏剧", "戏曲", "朗诵", "曲艺"),
    SpecialtyGroup.WORKS: ("绘画", "书法", "篆刻", "摄影", "设计", "影视", "手工艺制作"),
    SpecialtyGroup.WORKSHOP: (
        "剪纸", "皮影", "编织", "刺绣", "面塑/泥塑", "年画", "版画", "扎染/蜡染", "民间手工艺",
    ),
}  # fmt: skip
INSTRUMENT_SUBTYPES = ("键盘乐器", "西洋管弦乐器", "民族管弦乐器", "打击乐器")


class SpecialtyRoute(StrEnum):
    """培养方式. Only the in-school routes count toward 艺术特长; the outside route is 校外学习."""

    IN_SCHOOL_SPECIALIST = "in_school_specialist"  # 校内特长生训练
    CLUB = "club"  # 社团
    OUTSIDE = "outside"  # 校外

    @property
    def label_zh(self) -> str:
        return _ROUTE_ZH[self]

    @property
    def in_school(self) -> bool:
        return self is not SpecialtyRoute.OUTSIDE


_ROUTE_ZH = {
    SpecialtyRoute.IN_SCHOOL_SPECIALIST: "校内特长生训练",
    SpecialtyRoute.CLUB: "社团",
    SpecialtyRoute.OUTSIDE: "校外",
}


class ProgrammeKind(StrEnum):
    """School-level groups: 一校一品 programmes and the clubs / interest groups."""

    SIGNATURE = "signature"  # 一校一品
    CLUB = "club"  # 社团
    INTEREST_GROUP = "interest_group"  # 兴趣小组

    @property
    def label_zh(self) -> str:
        return {"signature": "一校一品", "club": "社团", "interest_group": "兴趣小组"}[self.value]


class ProgrammeField(StrEnum):
    ART = "art"
    SPORT = "sport"

    @property
    def label_zh(self) -> str:
        return "艺术" if self is ProgrammeField.ART else "体育"


# Club projects the self-evaluation form names (校级艺术社团/兴趣小组 项目).
CLUB_PROJECTS = ("合唱", "民乐", "管乐", "交响乐", "舞蹈", "戏剧", "戏曲", "美术", "书法")


def _aliases(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {clean(alias): key for key, aliases in table.items() for alias in aliases}


_LEVEL_ALIASES = _aliases(
    {
        "national": ("国家级", "国家", "全国", "全国级", "国家级别"),
        "provincial": ("省级", "省", "省部级", "全省"),
        "city": ("市级", "市", "地市级", "全市", "洛阳市级"),
        "county": ("县区级", "县级", "区级", "县", "区", "县(区)级", "区县级", "全区", "全县"),
        "school": ("校级", "校", "学校", "学校级", "全校"),
    }
)
_RANK_ALIASES = _aliases(
    {
        "special": ("特等奖", "特等", "特别奖"),
        "first": ("一等奖", "一等", "金奖", "冠军", "第一名", "1等奖"),
        "second": ("二等奖", "二等", "银奖", "亚军", "第二名", "2等奖"),
        "third": ("三等奖", "三等", "铜奖", "季军", "第三名", "3等奖"),
        "merit": ("优秀奖", "优胜奖", "鼓励奖", "优秀"),
    }
)
_DOMAIN_ALIASES = _aliases(
    {
        "arts": ("美育", "艺术", "艺术类", "美术", "音乐"),
        "sports": ("体育", "体育类", "运动"),
        "labor": ("劳动", "劳动教育", "劳动类"),
        "other": ("其他", "其它"),
    }
)


def _key(value: object) -> str:
    return clean(value).casefold()


def parse_level(value: object) -> AwardLevel | None:
    text = _key(value)
    if text in AwardLevel.__members__.values():
        return AwardLevel(text)
    found = _LEVEL_ALIASES.get(text)
    return AwardLevel(found) if found else None


def parse_rank(value: object) -> AwardRank:
    """The class of an award as written; text that names none of them is ``OTHER``."""
    text = _key(value)
    if text in AwardRank.__members__.values():
        return AwardRank(text)
    return AwardRank(_RANK_ALIASES.get(text, "other"))


def parse_domain(value: object) -> AwardDomain | None:
    text = _key(value)
    if text in AwardDomain.__members__.values():
        return AwardDomain(text)
    found = _DOMAIN_ALIASES.get(text)
    return AwardDomain(found) if found else None


def specialty_group_of(category: str) -> SpecialtyGroup | None:
    """The group a listed category belongs to (None for a category not on the list)."""
    for group, names in SPECIALTY_CATEGORIES.items():
        if category in names:
            return group
    return None
