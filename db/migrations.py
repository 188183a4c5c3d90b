"""Named, append-only schema migrations.

Rules: never edit or reorder a migration that has shipped; add a new one at the end with the next
number. Each runs in its own transaction together with the record that it was applied, so a crash
leaves the database at the previous step. Statements are run one by one (``executescript`` would
commit the surrounding transaction).

This file is long on purpose: it is the schema's history, one small self-contained function per
step, read top to bottom in the order the steps apply; splitting it would hide that order.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("baosong")

# Columns every synchronised record carries (DESIGN.md §2).
RECORD_COLUMNS = """
    revision INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
"""


def run_statements(db: Database, sql: str) -> None:
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_workspace_and_roster")
def m0001_workspace_and_roster(db: Database) -> None:
    run_statements(
        db,
        f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE schools (
    code TEXT PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    stage TEXT NOT NULL,
    {RECORD_COLUMNS}
);
CREATE TABLE terms (
    code TEXT PRIMARY KEY,
    school_year TEXT NOT NULL,
    semester INTEGER NOT NULL CHECK (semester IN (1, 2))
);
CREATE TABLE classes (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    grade_code INTEGER NOT NULL,
    class_no INTEGER NOT NULL,
    name TEXT NOT NULL,
    head_teacher TEXT NOT NULL DEFAULT '',
    graduated INTEGER NOT NULL DEFAULT 0,
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX classes_active_key ON classes(school_code, grade_code, class_no)
    WHERE deleted = 0 AND graduated = 0;
CREATE TABLE students (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    student_no TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date TEXT NOT NULL,
    ethnicity_code TEXT NOT NULL,
    id_number TEXT,
    class_uuid TEXT NOT NULL REFERENCES classes(uuid),
    status TEXT NOT NULL,
    pe_exempt INTEGER NOT NULL DEFAULT 0,
    pe_exempt_reason TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX students_student_no ON students(student_no) WHERE deleted = 0;
CREATE INDEX students_class ON students(class_uuid);
CREATE INDEX students_name ON students(name);
CREATE TABLE student_events (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX student_events_student ON student_events(student_uuid);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    action TEXT NOT NULL,
    old TEXT,
    new TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(record_uuid)
""",
    )


def migration_names(migrations: Migrations = MIGRATIONS) -> list[str]:
    """Every migration this version knows, in order (sqlite-utils keeps no public list)."""
    return [m.name for m in migrations._migrations]


@MIGRATIONS(name="0002_keys_and_packets")
def m0002_keys_and_packets(db: Database) -> None:
    """Keys, enrolment and packet bookkeeping (DESIGN.md §3; docs/packet-format.md §9).

    Local bookkeeping, not synchronised records: no uuid/revision columns, no audit rows.
    A school key replaced at the bureau stays in school_registry as 'rotated' (kept so the
    fingerprint in an old packet is still recognised, but no longer accepted for new packets).
    """
    run_statements(
        db,
        """
CREATE TABLE own_keys (
    fingerprint TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('school_signing', 'bureau_signing', 'bureau_encryption')),
    public_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'rotated')),
    created_at TEXT NOT NULL,
    rotated_at TEXT
);
CREATE UNIQUE INDEX own_keys_one_active ON own_keys(role) WHERE status = 'active';
CREATE TABLE trusted_bureau_keys (
    id INTEGER PRIMARY KEY,
    signing_fingerprint TEXT NOT NULL,
    encryption_key_id TEXT NOT NULL,
    bureau_name TEXT NOT NULL,
    district TEXT NOT NULL,
    signing_public_key TEXT NOT NULL,
    encryption_public_key TEXT NOT NULL,
    document TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'replaced')),
    trusted_at TEXT NOT NULL,
    replaced_at TEXT,
    UNIQUE (signing_fingerprint, encryption_key_id)
);
CREATE UNIQUE INDEX trusted_bureau_one_active ON trusted_bureau_keys(status)
    WHERE status = 'active';
CREATE TABLE school_registry (
    fingerprint TEXT PRIMARY KEY,
    school_code TEXT NOT NULL,
    school_name TEXT NOT NULL,
    district TEXT NOT NULL,
    public_key TEXT NOT NULL,
    document TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'rotated', 'revoked')),
    enrolled_at TEXT NOT NULL,
    rotated_at TEXT,
    revoked_at TEXT
);
CREATE UNIQUE INDEX school_registry_one_active ON school_registry(school_code)
    WHERE status = 'active';
CREATE INDEX school_registry_school ON school_registry(school_code);
CREATE TABLE exported_packets (
    packet_uuid TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    prev_sha256 TEXT,
    base_sha256 TEXT,
    term TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'exported'
        CHECK (status IN ('exported', 'acknowledged', 'returned')),
    status_at TEXT,
    file_name TEXT NOT NULL,
    counts TEXT NOT NULL,
    audit_mark INTEGER NOT NULL,
    bureau_key_id TEXT NOT NULL,
    school_key_fingerprint TEXT NOT NULL
);
CREATE TABLE packet_ledger (
    sha256 TEXT PRIMARY KEY,
    school_code TEXT NOT NULL DEFAULT '',
    sequence INTEGER,
    packet_uuid TEXT,
    status TEXT NOT NULL CHECK (status IN ('merged', 'duplicate', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '{}',
    header TEXT
);
CREATE INDEX packet_ledger_school ON packet_ledger(school_code, sequence)
""",
    )


@MIGRATIONS(name="0003_fitness_tests")
def m0003_fitness_tests(db: Database) -> None:
    """体质健康测试: one row per student, 学年 and attempt (first test / one 补测).

    Raw values are REAL columns named like the scoring keys (times in seconds); NULL = not
    measured. ``absent_items`` is a canonical JSON list of item keys marked 缺测. The columns
    bmi … level are a cache of the scoring engine's result, rewritten on every write and by
    ``recompute_all`` after a standard upgrade; they are never typed in.
    """
    run_statements(
        db,
        f"""
CREATE TABLE fitness_tests (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    school_year TEXT NOT NULL,
    attempt TEXT NOT NULL CHECK (attempt IN ('first', 'retest')),
    test_date TEXT,
    grade_code INTEGER NOT NULL,
    height_cm REAL,
    weight_kg REAL,
    vital_capacity REAL,
    run_50m REAL,
    sit_and_reach REAL,
    rope_skip_1min REAL,
    sit_up_1min REAL,
    shuttle_50m_x8 REAL,
    standing_long_jump REAL,
    pull_up REAL,
    run_1000m REAL,
    run_800m REAL,
    absent_items TEXT NOT NULL DEFAULT '[]',
    exempt INTEGER NOT NULL DEFAULT 0,
    exempt_reason TEXT NOT NULL DEFAULT '',
    bmi REAL,
    standard_score REAL,
    bonus_total INTEGER,
    total_score REAL,
    level TEXT,
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX fitness_tests_key ON fitness_tests(student_uuid, school_year, attempt)
    WHERE deleted = 0;
CREATE INDEX fitness_tests_student ON fitness_tests(student_uuid);
CREATE INDEX fitness_tests_year ON fitness_tests(school_year)
""",
    )


@MIGRATIONS(name="0004_labor")
def m0004_labor(db: Database) -> None:
    """劳动教育 (domain_rules §1, §7): activities with their participants, evidence files,
    literacy evaluations with the 公示 workflow, and corrections of confirmed evaluations.

    An activity is one entry (one date, project and setting) for one student, a group or a class;
    each participant has a row with the minutes actually done (the activity's default or a
    per-student exception; 0 when absent). Evidence files live in the workspace's evidence folder
    by SHA-256; only their hash and metadata are rows. The configuration is the ``labor_config``
    setting (defaults in code, app/labor/config.py).
    """
    run_statements(
        db,
        f"""
CREATE TABLE labor_activities (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    term TEXT NOT NULL,
    date TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('daily', 'production', 'service')),
    task_group INTEGER NOT NULL CHECK (task_group BETWEEN 1 AND 10),
    project TEXT NOT NULL,
    setting TEXT NOT NULL CHECK (setting IN
        ('classroom', 'on_campus', 'home', 'community', 'base', 'labor_week')),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    description TEXT NOT NULL DEFAULT '',
    class_uuid TEXT REFERENCES classes(uuid),
    organiser TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX labor_activities_date ON labor_activities(school_code, date);
CREATE INDEX labor_activities_term ON labor_activities(term, date);
CREATE INDEX labor_activities_class ON labor_activities(class_uuid) WHERE class_uuid IS NOT NULL;
CREATE TABLE labor_participations (
    uuid TEXT PRIMARY KEY,
    activity_uuid TEXT NOT NULL REFERENCES labor_activities(uuid),
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    status TEXT NOT NULL CHECK (status IN ('present', 'absent')),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    ratings TEXT NOT NULL DEFAULT '{{}}',
    note TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX labor_participations_key ON labor_participations(activity_uuid, student_uuid)
    WHERE deleted = 0;
CREATE INDEX labor_participations_present ON labor_participations(activity_uuid, student_uuid, minutes)
    WHERE deleted = 0 AND status = 'present';
CREATE INDEX labor_participations_student ON labor_participations(student_uuid);
CREATE TABLE labor_evidence (
    uuid TEXT PRIMARY KEY,
    activity_uuid TEXT NOT NULL REFERENCES labor_activities(uuid),
    participation_uuid TEXT REFERENCES labor_participations(uuid),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    {RECORD_COLUMNS}
);
CREATE INDEX labor_evidence_activity ON labor_evidence(activity_uuid);
CREATE INDEX labor_evidence_sha256 ON labor_evidence(sha256);
CREATE TABLE labor_literacy_evaluations (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    term TEXT NOT NULL,
    concept TEXT NOT NULL DEFAULT '',
    ability TEXT NOT NULL DEFAULT '',
    habits TEXT NOT NULL DEFAULT '',
    spirit TEXT NOT NULL DEFAULT '',
    overall TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    life_skills TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'publicized', 'confirmed')),
    publicity_from TEXT,
    publicity_to TEXT,
    reviewer TEXT NOT NULL DEFAULT '',
    confirmed_at TEXT,
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX labor_evaluations_key ON labor_literacy_evaluations(student_uuid, term)
    WHERE deleted = 0;
CREATE INDEX labor_evaluations_term ON labor_literacy_evaluations(term, status);
CREATE TABLE labor_evaluation_corrections (
    uuid TEXT PRIMARY KEY,
    evaluation_uuid TEXT NOT NULL REFERENCES labor_literacy_evaluations(uuid),
    corrected_at TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    old_values TEXT NOT NULL,
    new_values TEXT NOT NULL,
    {RECORD_COLUMNS}
);
CREATE INDEX labor_corrections_evaluation ON labor_evaluation_corrections(evaluation_uuid)
""",
    )


@MIGRATIONS(name="0005_arts_and_awards")
def m0005_arts_and_awards(db: Database) -> None:
    """美育 (domain_rules §2, §7) and the Award record shared by arts, sports and labor.

    Awards: one row per result, its students in award_winners (a team award has several).
    Clubs and interest groups are school_programmes like the 一校一品 programmes (kind tells
    them apart; field says art or sport); membership is per 学年. An arts activity (a club's
    term activity, an 艺术节, a 展演) lists its participants. Assessment sub-scores are whole
    points, NULL until entered; total and band are the scoring engine's cache. The
    self-evaluation keeps its sections as JSON and a copy of the section weights it was made
    with. Settings live in the settings key ``arts_config`` (app.arts.config; defaults apply
    until a school saves its own).
    """
    run_statements(
        db,
        f"""
CREATE TABLE awards (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    domain TEXT NOT NULL CHECK (domain IN ('arts', 'sports', 'labor', 'other')),
    event TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    organizer TEXT NOT NULL,
    organizer_is_education_authority INTEGER NOT NULL
        CHECK (organizer_is_education_authority IN (0, 1)),
    level TEXT NOT NULL
        CHECK (level IN ('national', 'provincial', 'city', 'county', 'school')),
    rank TEXT NOT NULL
        CHECK (rank IN ('special', 'first', 'second', 'third', 'merit', 'other')),
    rank_text TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    certificate_no TEXT NOT NULL DEFAULT '',
    on_moe_whitelist INTEGER CHECK (on_moe_whitelist IN (0, 1)),
    adviser TEXT NOT NULL DEFAULT '',
    team_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX awards_school_date ON awards(school_code, date);
CREATE TABLE award_winners (
    uuid TEXT PRIMARY KEY,
    award_uuid TEXT NOT NULL REFERENCES awards(uuid),
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX award_winners_key ON award_winners(award_uuid, student_uuid)
    WHERE deleted = 0;
CREATE INDEX award_winners_student ON award_winners(student_uuid);
CREATE TABLE arts_course_records (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    term TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('music', 'fine_art', 'integrated', 'local')),
    attendance_pct INTEGER CHECK (attendance_pct BETWEEN 0 AND 100),
    participation TEXT CHECK (participation IN ('excellent', 'good', 'pass', 'poor')),
    tasks_completed INTEGER CHECK (tasks_completed >= 0),
    tasks_total INTEGER CHECK (tasks_total >= 0),
    teacher TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS},
    CHECK (tasks_completed <= tasks_total)
);
CREATE UNIQUE INDEX arts_course_records_key ON arts_course_records(student_uuid, term, subject)
    WHERE deleted = 0;
CREATE INDEX arts_course_records_term ON arts_course_records(term);
CREATE TABLE school_programmes (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    kind TEXT NOT NULL CHECK (kind IN ('signature', 'club', 'interest_group')),
    field TEXT NOT NULL CHECK (field IN ('art', 'sport')),
    name TEXT NOT NULL,
    project TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    adviser TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX school_programmes_name ON school_programmes(school_code, kind, name)
    WHERE deleted = 0;
CREATE TABLE programme_members (
    uuid TEXT PRIMARY KEY,
    programme_uuid TEXT NOT NULL REFERENCES school_programmes(uuid),
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    school_year TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX programme_members_key
    ON programme_members(programme_uuid, student_uuid, school_year) WHERE deleted = 0;
CREATE INDEX programme_members_student ON programme_members(student_uuid);
CREATE TABLE arts_activities (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    term TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('club', 'interest_group', 'festival', 'performance')),
    name TEXT NOT NULL,
    date TEXT,
    class_uuid TEXT REFERENCES classes(uuid),
    programme_uuid TEXT REFERENCES school_programmes(uuid),
    description TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX arts_activities_term ON arts_activities(school_code, term);
CREATE TABLE arts_activity_participants (
    uuid TEXT PRIMARY KEY,
    activity_uuid TEXT NOT NULL REFERENCES arts_activities(uuid),
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    role TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX arts_activity_participants_key
    ON arts_activity_participants(activity_uuid, student_uuid) WHERE deleted = 0;
CREATE INDEX arts_activity_participants_student ON arts_activity_participants(student_uuid);
CREATE TABLE arts_specialties (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    school_year TEXT NOT NULL,
    category_group TEXT NOT NULL CHECK (category_group IN ('performance', 'works', 'workshop')),
    category TEXT NOT NULL,
    sub_type TEXT NOT NULL DEFAULT '',
    level_description TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL CHECK (route IN ('in_school_specialist', 'club', 'outside')),
    note TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX arts_specialties_student ON arts_specialties(student_uuid, school_year);
CREATE TABLE arts_assessments (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    school_year TEXT NOT NULL,
    course_learning INTEGER,
    extracurricular INTEGER,
    basic_knowledge INTEGER,
    basic_skills INTEGER,
    outside_learning INTEGER,
    art_specialty INTEGER,
    total INTEGER,
    band TEXT CHECK (band IN ('excellent', 'good', 'pass', 'fail')),
    development_points_confirmed INTEGER NOT NULL DEFAULT 0
        CHECK (development_points_confirmed IN (0, 1)),
    teacher TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX arts_assessments_key ON arts_assessments(student_uuid, school_year)
    WHERE deleted = 0;
CREATE INDEX arts_assessments_year ON arts_assessments(school_year);
CREATE TABLE arts_self_evaluations (
    uuid TEXT PRIMARY KEY,
    school_code TEXT NOT NULL REFERENCES schools(code),
    school_year TEXT NOT NULL,
    sections TEXT NOT NULL,
    weights TEXT NOT NULL,
    total_score INTEGER,
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX arts_self_evaluations_key ON arts_self_evaluations(school_code, school_year)
    WHERE deleted = 0
""",
    )


@MIGRATIONS(name="0006_merge_and_receipts")
def m0006_merge_and_receipts(db: Database) -> None:
    """Bureau merge bookkeeping and receipts (DESIGN.md §3; docs/packet-format.md "Receipts").

    Bureau side: ``merge_conflicts`` holds what a merge would not decide alone (equal revision
    with different content, or the same 学籍号 at two schools), at most one open row per record;
    ``receipts`` the unsigned receipt of each merged packet until it is signed and written;
    ``record_returns`` records or whole packets returned for correction (退回). School side:
    ``imported_receipts`` every receipt or return document read, ``record_statuses`` the records
    the bureau flagged (rejected, conflict, returned) and their later acknowledgement.
    Local bookkeeping, not synchronised records. No content-hash columns: comparing the content
    columns in SQL is cheap and only runs for records of equal revision. ``students_school``
    serves the scope of tables owned through a student (``student_uuid IN (SELECT uuid FROM
    students WHERE school_code = …)``), which a district-sized bureau would otherwise scan.
    """
    run_statements(
        db,
        """
CREATE TABLE merge_conflicts (
    id INTEGER PRIMARY KEY,
    packet_sha256 TEXT NOT NULL,
    school_code TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('revision', 'transfer')),
    central_uuid TEXT,
    central TEXT,
    incoming TEXT NOT NULL,
    incoming_sha256 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution TEXT CHECK (resolution IN ('central', 'incoming', 'superseded')),
    resolved_by TEXT,
    resolved_at TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX merge_conflicts_one_open ON merge_conflicts(table_name, record_uuid)
    WHERE status = 'open';
CREATE INDEX merge_conflicts_record ON merge_conflicts(table_name, record_uuid, status);
CREATE INDEX merge_conflicts_school ON merge_conflicts(school_code, status);
CREATE TABLE receipts (
    packet_sha256 TEXT PRIMARY KEY,
    school_code TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    packet_uuid TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    written_at TEXT,
    file_name TEXT
);
CREATE INDEX receipts_unwritten ON receipts(written_at, school_code, sequence);
CREATE TABLE record_returns (
    id INTEGER PRIMARY KEY,
    packet_sha256 TEXT NOT NULL,
    table_name TEXT,
    record_uuid TEXT,
    reason TEXT NOT NULL,
    returned_by TEXT NOT NULL,
    returned_at TEXT NOT NULL,
    sent_at TEXT,
    document_uuid TEXT,
    CHECK ((table_name IS NULL) = (record_uuid IS NULL))
);
CREATE INDEX record_returns_packet ON record_returns(packet_sha256, sent_at);
CREATE TABLE imported_receipts (
    document_uuid TEXT PRIMARY KEY,
    packet_sha256 TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'return')),
    issued_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX imported_receipts_packet ON imported_receipts(packet_sha256);
CREATE TABLE record_statuses (
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('acknowledged', 'returned', 'rejected', 'conflict')),
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    packet_sha256 TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (table_name, record_uuid)
);
CREATE INDEX record_statuses_status ON record_statuses(status);
CREATE INDEX students_school ON students(school_code, uuid)
""",
    )


@MIGRATIONS(name="0007_pe_process")
def m0007_pe_process(db: Database) -> None:
    """体育过程评价 (domain_rules §7 PEParticipation): one record per student and term.

    Percentages are whole numbers 0–100 and minutes whole minutes (the packet format has no
    floats); NULL = not recorded. 课外锻炼 minutes carry whether a parent confirmed them.
    ``sports_club`` is NULL for no club; ``skill_item``/``skill_level`` are the 专项运动技能 and its
    level on the school's configured scale ('' = none). Competitions and awards are the shared
    ``awards`` rows (domain 'sports'). Weights and scales are the ``pe_config`` setting; the 中招体育
    scheme is the ``zhongkao_pe_config`` setting, per exam year (app.pe).
    """
    run_statements(
        db,
        f"""
CREATE TABLE pe_process_records (
    uuid TEXT PRIMARY KEY,
    student_uuid TEXT NOT NULL REFERENCES students(uuid),
    term TEXT NOT NULL,
    pe_attendance_pct INTEGER CHECK (pe_attendance_pct BETWEEN 0 AND 100),
    recess_exercise_pct INTEGER CHECK (recess_exercise_pct BETWEEN 0 AND 100),
    after_school_minutes_per_week INTEGER
        CHECK (after_school_minutes_per_week BETWEEN 0 AND 10080),
    after_school_parent_confirmed INTEGER NOT NULL DEFAULT 0
        CHECK (after_school_parent_confirmed IN (0, 1)),
    sports_club TEXT,
    skill_item TEXT NOT NULL DEFAULT '',
    skill_level TEXT NOT NULL DEFAULT '',
    homework_completion_pct INTEGER CHECK (homework_completion_pct BETWEEN 0 AND 100),
    notes TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE UNIQUE INDEX pe_process_records_key ON pe_process_records(student_uuid, term)
    WHERE deleted = 0;
CREATE INDEX pe_process_records_term ON pe_process_records(term)
""",
    )


@MIGRATIONS(name="0008_district_analytics")
def m0008_district_analytics(db: Database) -> None:
    """District analytics at the bureau (app/services/district).

    The ``district_*`` tables are caches, not synchronised records, rebuilt per school when the
    audit log shows that school's records changed (``district_cache_state`` keeps the audit
    mark they were built at; app/services/district/caches.py):

    * ``district_labor_minutes``: each student's minutes of present labor participations per
      term, by setting and by category, with the class and its grade at build time. Summing a
      district's 6 million participations per page took ~5 s; settings are columns, so the
      out-of-class settings stay configuration, read at query time;
    * ``district_fitness_years`` and ``district_arts_years``: per school, 学年 and grade (the
      test's grade) or class, the complete fitness results and the arts bands, for the
      year-over-year trends, which would otherwise join every test of every year to its student.

    ``fitness_tests_retests`` lists a year's 补测 (the decisive-attempt rule) without reading every
    test of the year; partial, so it stays small and a year's scan keeps ``fitness_tests_year``.
    """
    run_statements(
        db,
        """
CREATE TABLE district_labor_minutes (
    school_code TEXT NOT NULL,
    term TEXT NOT NULL,
    student_uuid TEXT NOT NULL,
    class_uuid TEXT NOT NULL,
    grade_code INTEGER NOT NULL,
    classroom INTEGER NOT NULL,
    on_campus INTEGER NOT NULL,
    home INTEGER NOT NULL,
    community INTEGER NOT NULL,
    base INTEGER NOT NULL,
    labor_week INTEGER NOT NULL,
    daily INTEGER NOT NULL,
    production INTEGER NOT NULL,
    service INTEGER NOT NULL,
    activities INTEGER NOT NULL,
    PRIMARY KEY (school_code, term, student_uuid)
) WITHOUT ROWID;
CREATE TABLE district_fitness_years (
    school_code TEXT NOT NULL,
    school_year TEXT NOT NULL,
    grade_code INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    excellent_good INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    total_sum REAL NOT NULL,
    PRIMARY KEY (school_code, school_year, grade_code)
) WITHOUT ROWID;
CREATE TABLE district_arts_years (
    school_code TEXT NOT NULL,
    school_year TEXT NOT NULL,
    class_uuid TEXT NOT NULL,
    band TEXT NOT NULL,
    students INTEGER NOT NULL,
    PRIMARY KEY (school_code, school_year, class_uuid, band)
) WITHOUT ROWID;
CREATE TABLE district_cache_state (
    name TEXT PRIMARY KEY,
    audit_mark INTEGER NOT NULL,
    refreshed_at TEXT NOT NULL
);
CREATE INDEX fitness_tests_retests ON fitness_tests(school_year, student_uuid)
    WHERE attempt = 'retest' AND deleted = 0
""",
    )


@MIGRATIONS(name="0009_conflict_kind_duplicate_key")
def m0009_conflict_kind_duplicate_key(db: Database) -> None:
    """A third kind of merge conflict, ``duplicate_natural_key``: a live record whose natural key
    (a synchronised table's unique index, e.g. a fitness test's student, 学年 and attempt)
    another live record holds under another uuid (app/services/merge.py).

    SQLite cannot alter a CHECK constraint, so ``merge_conflicts`` is rebuilt: same columns in
    the same order, rows copied as they are (ids kept), indexes recreated with their names.
    """
    run_statements(
        db,
        """
CREATE TABLE merge_conflicts_0009 (
    id INTEGER PRIMARY KEY,
    packet_sha256 TEXT NOT NULL,
    school_code TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('revision', 'transfer', 'duplicate_natural_key')),
    central_uuid TEXT,
    central TEXT,
    incoming TEXT NOT NULL,
    incoming_sha256 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution TEXT CHECK (resolution IN ('central', 'incoming', 'superseded')),
    resolved_by TEXT,
    resolved_at TEXT,
    created_at TEXT NOT NULL
);
INSERT INTO merge_conflicts_0009 SELECT * FROM merge_conflicts;
DROP TABLE merge_conflicts;
ALTER TABLE merge_conflicts_0009 RENAME TO merge_conflicts;
CREATE UNIQUE INDEX merge_conflicts_one_open ON merge_conflicts(table_name, record_uuid)
    WHERE status = 'open';
CREATE INDEX merge_conflicts_record ON merge_conflicts(table_name, record_uuid, status);
CREATE INDEX merge_conflicts_school ON merge_conflicts(school_code, status)
""",
    )


@MIGRATIONS(name="0010_bulk_create_audit")
def m0010_bulk_create_audit(db: Database) -> None:
    """Records created in bulk (a roster import, a packet merged at the bureau) are audited by one
    ``create_many`` entry per table whose ``new`` lists their uuids (db/records.py).
    ``audit_record_changes`` is the log as one row per (entry, record) either way: the incremental
    export, receipts and the district caches ask it which records changed after a mark.

    Indexes cost every bulk insert (a roster import): ``students_name`` goes, as the roster
    searches names with ``LIKE '%…%'``, which no index serves; ``students_school`` serves only a
    bureau's queries over many schools, so it stays in bureau workspaces and ``init_bureau``
    creates it (``BUREAU_INDEXES``).
    """
    if _workspace_kind(db) != "bureau":
        db.execute("DROP INDEX students_school")
    run_statements(
        db,
        """
CREATE VIEW audit_record_changes (id, table_name, record_uuid) AS
    SELECT id, table_name, record_uuid FROM audit_log WHERE action != 'create_many'
    UNION ALL
    SELECT a.id, a.table_name, j.value FROM audit_log a, json_each(a.new, '$.uuids') j
    WHERE a.action = 'create_many';
DROP INDEX students_name
""",
    )


@MIGRATIONS(name="0011_bulk_merge_indexes")
def m0011_bulk_merge_indexes(db: Database) -> None:
    """Fewer indexes written per labor participation, the bulk of every packet (merge_bench).

    ``labor_participations_present`` goes: it repeated the key index with the minutes, so the
    hour sums never touched the table; with time-ordered uuids (db/records.py) the rows of one
    activity lie together and the sums read them through ``labor_participations_key`` at
    little cost (bench/labor_bench.py: 0.17 → 0.20 s for 208,575 participations, budget 1 s).
    ``labor_participations_student`` serves a school's own pages (a student's activities, the
    completeness check); a bureau reads participations by activity only, so it is a school-only
    index (``SCHOOL_ONLY_INDEXES``).
    """
    db.execute("DROP INDEX labor_participations_present")
    if _workspace_kind(db) == "bureau":
        use_bureau_indexes(db)


def _workspace_kind(db: Database) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = 'workspace_kind'").fetchone()
    return None if row is None else str(row[0])


# Indexes only a bureau workspace has, and indexes only a school's has: switched when a
# workspace becomes a bureau (``init_bureau``), and by the migrations that introduced them in
# workspaces that already were one.
BUREAU_INDEXES = ("CREATE INDEX IF NOT EXISTS students_school ON students(school_code, uuid)",)
SCHOOL_ONLY_INDEXES = ("labor_participations_student",)


def use_bureau_indexes(db: Database) -> None:
    for statement in BUREAU_INDEXES:
        db.execute(statement)
    for name in SCHOOL_ONLY_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
