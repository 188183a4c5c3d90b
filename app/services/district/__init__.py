"""District analytics at the bureau (issue 6, Qt-free side): the submission overview, the
analytics pages' figures, the district's exports and the feedback reports.

After merges the bureau's central database holds every school's records in the ordinary tables;
these functions read them with SQL aggregates over the whole district (one pass, grouped by
school and grade), reuse the school-level rules (fitness_stats, value_added, labor_totals, the
arts scoring), and keep per-school caches for what would read years of records (``caches``).
Every function takes a ``Database``; the UI runs them on a background connection.

Modules: ``scope`` (school types, schools, filters), ``config`` (deadlines), ``submissions`` /
``submission_export``, ``fitness``, ``value_added``, ``labor``, ``arts``, ``trends``,
``caches`` / ``labor_cache`` / ``trend_cache``, ``national_files``, ``workbook`` /
``workbook_sheets``, ``feedback`` / ``feedback_html``.
"""

from app.services.district.arts import ArtsFigures, DistrictArts, district_arts
from app.services.district.caches import refresh_district_caches
from app.services.district.config import (
    DistrictConfig,
    load_district_config,
    save_district_config,
)
from app.services.district.feedback import ClassList, SchoolFeedback, StudentLine, school_feedback
from app.services.district.feedback_html import render_school_feedback_html
from app.services.district.fitness import DistrictFitness, FitnessView, district_fitness
from app.services.district.labor import DistrictLabor, LaborFigures, district_labor
from app.services.district.national_files import export_national_files
from app.services.district.scope import SchoolInfo, SchoolType, district_schools
from app.services.district.submission_export import export_submission_matrix
from app.services.district.submissions import (
    CellState,
    LastPacket,
    SchoolSubmissions,
    SubmissionCell,
    SubmissionMatrix,
    submission_matrix,
)
from app.services.district.trends import DistrictTrends, TermTrend, YearTrend, district_trends
from app.services.district.value_added import DistrictValueAdded, district_value_added
from app.services.district.workbook import (
    DistrictFigures,
    district_figures,
    export_district_workbook,
)

__all__ = [
    "ArtsFigures",
    "CellState",
    "ClassList",
    "DistrictArts",
    "DistrictConfig",
    "DistrictFigures",
    "DistrictFitness",
    "DistrictLabor",
    "DistrictTrends",
    "DistrictValueAdded",
    "FitnessView",
    "LaborFigures",
    "LastPacket",
    "SchoolFeedback",
    "SchoolInfo",
    "SchoolSubmissions",
    "SchoolType",
    "StudentLine",
    "SubmissionCell",
    "SubmissionMatrix",
    "TermTrend",
    "YearTrend",
    "district_arts",
    "district_figures",
    "district_fitness",
    "district_labor",
    "district_schools",
    "district_trends",
    "district_value_added",
    "export_district_workbook",
    "export_national_files",
    "export_submission_matrix",
    "load_district_config",
    "refresh_district_caches",
    "render_school_feedback_html",
    "save_district_config",
    "school_feedback",
    "submission_matrix",
]
