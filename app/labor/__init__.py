"""Labor education (劳动教育), the Qt-free core: constants from the national rules, records as
plain dataclasses, and the school's labor configuration (domain_rules §1).

``constants`` — the three categories, the ten 任务群 of 课标 2022 with their category, the settings
(场所), raters and the four literacy dimensions, and the grade → 学段 map.
``models`` — what the services take and return (drafts, stored rows, totals, reports).
``config`` — ``LaborConfig``: thresholds, scales and the per-学段 task-group matrix, with the
documented defaults; stored as JSON in the ``labor_config`` setting.
``labor_week`` — the Henan 劳动周 (the week after 五一) for a school year.
"""
