"""What an award counts for (domain_rules §2.1 艺术特长, §2.4 white-list rule).

* 艺术特长 counts only awards of events organised by an **education authority** (教育行政部门):
  the school itself (校级) and the education bureaus at 县区, 市, 省 and 国家 level. Results of
  社会艺术考级 and of contests run by companies, associations or training schools do not count;
  a sports or labor award shows no arts specialty either.
* A 国家级 award is legitimate only for a contest on the Ministry of Education's list of
  全国性竞赛活动 for school students (44 contests in 2022–2025, 47 in 2025–2028). The app cannot
  know the list, so the clerk states it per award; an award not on it (or not stated) is flagged.
  The flag is a warning: whether the award counts still follows the organiser rule above.
"""

from __future__ import annotations

from app.arts.constants import AwardDomain, AwardLevel
from app.arts.models import Award
from app.i18n import tr
from app.terms import term_for_date


def counts_toward_arts_specialty(award: Award) -> bool:
    """True for an arts award from an event an education authority organised (校级 included)."""
    return (
        not award.meta.deleted
        and award.domain is AwardDomain.ARTS
        and award.organizer_is_education_authority
    )


def whitelist_warning(award: Award) -> str | None:
    """A warning for a national award whose event is not (or not known to be) on the MOE list."""
    if award.level is not AwardLevel.NATIONAL or award.on_moe_whitelist:
        return None
    if award.on_moe_whitelist is None:
        return tr(
            "{event} is a national award, but it is not stated whether the contest is on the "
            "Ministry of Education's list of national competitions.",
            event=award.event,
        )
    return tr(
        "{event} is a national award from a contest that is not on the Ministry of Education's "
        "list of national competitions for school students.",
        event=award.event,
    )


def specialty_exclusion(award: Award) -> str | None:
    """Why an award does not count toward 艺术特长, or None when it does."""
    if award.domain is not AwardDomain.ARTS:
        return tr("not an arts award")
    if not award.organizer_is_education_authority:
        return tr(
            "the organiser {organizer} is not an education authority", organizer=award.organizer
        )
    return None


def award_school_year(award: Award) -> str:
    """The 学年 an award belongs to: the one its date falls in (September to August)."""
    return term_for_date(award.date).school_year


def award_warnings(award: Award) -> list[str]:
    """Everything a clerk should look at again before the award is submitted."""
    warnings = []
    flag = whitelist_warning(award)
    if flag:
        warnings.append(flag)
    if award.domain is AwardDomain.ARTS and not award.organizer_is_education_authority:
        warnings.append(
            tr(
                "{event} was not organised by an education authority, so it does not count "
                "toward the arts specialty score.",
                event=award.event,
            )
        )
    return warnings
