"""Benchmark: the bureau merges a district's packets, against a same-run raw SQLite baseline.

Setup (cached in --cache, so later runs skip it): N demo schools, ``create_demo_school(students,
seed=i)`` with the demo extenders (fitness, labor, arts) when their tables are synchronised — a
term of records — each exporting one full packet, and a bureau template with its keys and every
school enrolled. Generation runs in --workers processes.

Timed, in a fresh copy of the bureau:
- merge: ``intake_packets`` over all packets (verify, decrypt, read, merge, commit per packet);
  ``read_wait_s`` is how long the merge waited for packets being decrypted and read (in the
  reader's worker process, app/services/packet_reading.py), ``sql_merge_s`` the set-wise SQL
  and audit, ``checkpoint_wait_s`` how long it waited for the previous commit to be copied
  back from the WAL (db/wal_checkpoints.py), the rest mostly commits;
- re-merge: the same packets again (ledger hits), budget ≤ 0.3 × merge;
- baselines (``baselines``), one transaction per packet each: **raw**, the budget's — the
  packets' own rows upserted table by table into plain tables of the same columns keyed by
  uuid (no other index, no constraint): merge records/s ≥ 0.5 × raw records/s. It runs
  before the merge and again after it, and the ratio takes the mean of the two: this
  machine's speed drifts by a fifth within an hour, and a baseline measured only on one side
  of a merge of several minutes moved the ratio of the same code by as much. Beside it
  **single table** (the packets' uuids with synthetic values of their average column count, as
  sessions 1–2 measured) and **schema** (the rows upserted raw into the real central tables
  with their indexes: ``schema_ratio`` is what the merge costs on top of this schema at all).
Peak memory: ru_maxrss of a subprocess merging the first n packets, for each n of --memory.

    .venv/bin/python bench/merge_bench.py [--schools 10] [--students 1100] [--memory 2,10]

The budget's district (DESIGN.md §5: 100 packets, ~5 M records) is ``--schools 100`` at the
default 1,100 students a school (5.07 M records); ``--students 3000`` makes a district of larger
schools (13.7 M records).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.packets.format import DEFAULT_LIMITS
from app.packets.packet_reader import (
    decrypt_packet,
    read_envelope,
    read_packet_file,
    verify_envelope,
)
from app.packets.sync_tables import TABLES, TABLES_BY_NAME
from app.services import bureau_intake, bureau_keys, intake_connection, keys_service, packet_export
from app.services.bureau_keys import school_key_lookup
from app.services.bureau_workspace import init_bureau
from app.services.demo import DEMO_VERSION, create_demo_school
from app.services.merge import staged_rows
from app.services.packet_reading import PendingRead
from app.services.workspace import open_workspace
from db.migrations import migration_names
from db.wal_checkpoints import BackgroundCheckpoints

PASSPHRASE = "benchmark passphrase"
TODAY = dt.date(2026, 12, 1)
TERM = "2026-2027-1"
ROSTER = {"schools", "classes", "students", "student_events"}
BUDGET_RATIO, BUDGET_REMERGE = 0.5, 0.3


def cache_dir(root: Path, students: int) -> Path:
    key = json.dumps([students, [t.name for t in TABLES], migration_names(), DEMO_VERSION])
    return root / f"{students}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def make_packet(job: tuple[int, int, str]) -> int:
    """One demo school in a scratch folder → its identity file and packet in the cache."""
    seed, students, where = job
    cache = Path(where)
    scratch = Path(tempfile.mkdtemp(prefix=f"school{seed}-"))
    ws = open_workspace(scratch)
    try:
        extended = any(t.name not in ROSTER for t in TABLES)
        create_demo_school(ws.db, students=students, seed=seed, actor="bench", today=TODAY,
                           extenders=None if extended else ())  # fmt: skip
        keys_service.trust_bureau(ws, cache / "bureau.json")
        keys_service.export_school_identity(
            ws, lambda confirm: PASSPHRASE, cache / "identities" / f"{seed}.json"
        )
        plan = packet_export.plan_export(ws.db, term=TERM)
        key = keys_service.load_school_key(ws, PASSPHRASE)
        out = cache / "packets" / f"{seed:03d}.bspkt"
        packet_export.export_packet(ws, plan, signing_key=key, out=out)
    finally:
        ws.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return seed


def prepare(cache: Path, schools: int, students: int, workers: int) -> list[Path]:
    for sub in ("packets", "identities"):
        (cache / sub).mkdir(parents=True, exist_ok=True)
    if not (cache / "bureau.json").exists():
        ws = open_workspace(cache / "bureau")
        init_bureau(ws.db, name="孟津区教育局")
        bureau_keys.create_bureau_keys(ws, PASSPHRASE)
        bureau_keys.export_bureau_keys(ws, cache / "bureau.json")
        ws.close()
    seeds = range(1, schools + 1)
    missing = [s for s in seeds if not (cache / "packets" / f"{s:03d}.bspkt").exists()]
    if missing:
        started = time.perf_counter()
        jobs = [(s, students, str(cache)) for s in missing]
        with multiprocessing.Pool(workers) as pool:
            for done in pool.imap_unordered(make_packet, jobs):
                print(f"school {done} ready", file=sys.stderr)
        print(f"generated {len(missing)} packets in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)  # fmt: skip
        ws = open_workspace(cache / "bureau")
        for seed in missing:
            bureau_keys.enroll_school(ws, cache / "identities" / f"{seed}.json")
        ws.close()
    return [cache / "packets" / f"{s:03d}.bspkt" for s in seeds]


def fresh_bureau(cache: Path, into: Path) -> Path:
    target = into / f"bureau-{uuid.uuid4().hex[:8]}"
    shutil.copytree(cache / "bureau", target)
    return target


def timed(fn: Callable[..., Any], totals: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def merge_all(bureau: Path, packets: list[Path]) -> dict[str, Any]:
    ws = open_workspace(bureau)
    keys = bureau_keys.load_bureau_decryption_keys(ws, PASSPHRASE)
    phases: dict[str, float] = {}
    wait, merge = PendingRead.result, bureau_intake.merge_records
    copied = BackgroundCheckpoints.before_next_write
    PendingRead.result = timed(wait, phases, "read_wait_s")  # type: ignore[method-assign]
    bureau_intake.merge_records = timed(merge, phases, "sql_s")  # type: ignore[assignment]
    copy_wait = timed(copied, phases, "checkpoint_wait_s")
    BackgroundCheckpoints.before_next_write = copy_wait  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        report = bureau_intake.intake_packets(ws, packets, decryption_keys=keys)
        first = time.perf_counter() - start
    finally:
        PendingRead.result, bureau_intake.merge_records = wait, merge  # type: ignore[method-assign]
        BackgroundCheckpoints.before_next_write = copied  # type: ignore[method-assign]
    start = time.perf_counter()
    again = bureau_intake.intake_packets(ws, packets, decryption_keys=keys)
    second = time.perf_counter() - start
    ws.close()
    assert all(p.status == "merged" for p in report.packets), [p.code for p in report.packets]
    assert all(p.status == "duplicate" for p in again.packets)
    totals: dict[str, int] = {}
    for packet in report.packets:
        for counts in packet.tables.values():
            for name, n in counts.to_json().items():
                totals[name] = totals.get(name, 0) + n
    return {"merge_s": first, "remerge_s": second, "outcome": totals, **phases}


def packet_shape(packets: list[Path]) -> tuple[list[int], float]:
    """Records per packet, and the average number of columns of a record (from the headers)."""
    sizes, cells = [], 0
    for path in packets:
        counts = read_envelope(read_packet_file(path)).header.counts
        sizes.append(sum(counts.values()))
        cells += sum(n * len(TABLES_BY_NAME[t].all_columns) for t, n in counts.items())
    return sizes, cells / max(sum(sizes), 1)


@dataclass
class Baselines:
    """Seconds of the raw upserts (see ``baselines``)."""

    raw_s: float = 0.0
    single_table_s: float = 0.0
    schema_s: float = 0.0


def baselines(
    cache: Path, folder: Path, packets: list[Path], width: int, *, raw_only: bool = False
) -> Baselines:
    """The raw upserts, fed from one untimed reading of each packet; one transaction per
    packet each, workspace pragmas (WAL, synchronous NORMAL, the merge's cache size):

    - raw (the budget's): each packet's rows, table by table with one ``executemany``, upserted
      into plain tables of the same columns and types keyed by ``uuid`` — no other index, no
      constraint, no check: what SQLite needs to upsert exactly these records;
    - single table (reported beside it): the packets' uuids in the packets' order with
      synthetic values of the packets' average column count, into one table (narrower than the
      real rows: short values, no second and third uuid column);
    - schema (reported beside it): the packets' rows into a fresh bureau's real central tables
      with their indexes (no checks, foreign keys off): the cost of this schema at all.

    ``raw_only``: the first alone (the run before the merge).
    """
    times = Baselines()
    bureau = open_workspace(fresh_bureau(cache, folder))
    keys = bureau_keys.load_bureau_decryption_keys(bureau, PASSPHRASE)
    lookup = school_key_lookup(bureau.db)
    types = {t.name: _column_types(bureau.db.conn, t.name, t.all_columns) for t in TABLES}
    bureau.db.execute("PRAGMA foreign_keys = OFF")
    bureau.db.execute(f"PRAGMA cache_size = {-intake_connection.BULK_CACHE_KIB}")
    raw = _plain_tables(folder / f"raw-{uuid.uuid4().hex[:8]}.sqlite3", types)
    single, (single_sql, values) = _single_table(
        folder / f"single-{uuid.uuid4().hex[:8]}.sqlite3", width
    )
    upsert = {t.name: _raw_upsert(t.name, t.all_columns) for t in TABLES}
    for path in packets:
        verified = verify_envelope(read_envelope(read_packet_file(path)), lookup)
        contents = decrypt_packet(verified, keys, DEFAULT_LIMITS)
        tables = staged_rows(contents.records, contents.columns)
        present = [t.name for t in TABLES if t.name in tables]
        rows = [(r[0], 1, "2026-11-30T08:00:00.000000Z", "clerk", 0, *values)
                for name in present for r in tables[name]]  # fmt: skip
        times.raw_s += _timed_transaction(raw, [(upsert[n], tables[n]) for n in present])
        if raw_only:
            continue
        times.single_table_s += _timed_transaction(single, [(single_sql, rows)])
        times.schema_s += _timed_transaction(
            bureau.db.conn, [(upsert[n], tables[n]) for n in present]
        )
    raw.close()
    single.close()
    bureau.close()
    return times


def _timed_transaction(conn: sqlite3.Connection, work: list[tuple[str, Any]]) -> float:
    start = time.perf_counter()
    conn.execute("BEGIN")
    for sql, rows in work:
        conn.executemany(sql, rows)
    conn.execute("COMMIT")
    return time.perf_counter() - start


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = {-intake_connection.BULK_CACHE_KIB}")
    return conn


def _column_types(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[str]:
    declared = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info({table})")}
    return [f"{c} {declared[c]}" + (" PRIMARY KEY" if c == "uuid" else "") for c in columns]


def _plain_tables(path: Path, types: dict[str, list[str]]) -> sqlite3.Connection:
    conn = _connect(path)
    for name, columns in types.items():
        conn.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
    return conn


def _single_table(path: Path, width: int) -> tuple[sqlite3.Connection, tuple[str, list[Any]]]:
    conn = _connect(path)
    content = [f"c{i}" for i in range(max(width - 5, 1))]
    conn.execute(
        "CREATE TABLE t (uuid TEXT PRIMARY KEY, revision INTEGER, updated_at TEXT, "
        f"updated_by TEXT, deleted INTEGER, {', '.join(content)})"
    )
    marks = ", ".join("?" for _ in range(5 + len(content)))
    sets = ", ".join(f"{c} = excluded.{c}" for c in ("revision", "updated_at", *content))
    sql = (f"INSERT INTO t VALUES ({marks}) ON CONFLICT(uuid) DO UPDATE SET {sets} "
           "WHERE excluded.revision > t.revision")  # fmt: skip
    values = [n if i % 2 else f"值{n:06d}" for i, n in enumerate(range(len(content)))]
    return conn, (sql, values)


def _raw_upsert(table: str, columns: tuple[str, ...]) -> str:
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "uuid")
    marks = ", ".join("?" for _ in columns)
    # A row that breaks another unique index (the demo repeats 学籍号 across schools) is skipped.
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
            f"ON CONFLICT(uuid) DO UPDATE SET {sets} WHERE excluded.revision > revision "
            "ON CONFLICT DO NOTHING")  # fmt: skip


def memory_child(cache: Path, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bureau = fresh_bureau(cache, Path(tmp))
        packets = sorted((cache / "packets").glob("*.bspkt"))[:n]
        ws = open_workspace(bureau)
        keys = bureau_keys.load_bureau_decryption_keys(ws, PASSPHRASE)
        report = bureau_intake.intake_packets(ws, packets, decryption_keys=keys)
        ws.close()
    assert all(p.status == "merged" for p in report.packets)
    # ru_maxrss is in KiB on Linux; the children's is the largest of the packet reader's worker
    # processes (bureau_intake.reader_workers of them run at once).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"packets": n, "peak_rss_mb": round(peak, 1),
                      "reader_peak_rss_mb": round(reader, 1)}))  # fmt: skip


def peak_memory(cache: Path, n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(n), "--cache-path", str(cache)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    found = json.loads(out.stdout)
    return {"merge": found["peak_rss_mb"], "reader": found["reader_peak_rss_mb"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", type=int, default=10)
    parser.add_argument("--students", type=int, default=1100)
    parser.add_argument("--memory", default="2,10", help="packet counts for the memory runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "baosong-merge-bench"
    )
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache-path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.cache_path, args.memory_child)
        return
    cache = cache_dir(args.cache, args.students)
    memory_ns = sorted({int(n) for n in args.memory.split(",") if n})
    packets = prepare(cache, max(args.schools, *memory_ns), args.students, args.workers)
    packets = packets[: args.schools]
    sizes, width = packet_shape(packets)
    with tempfile.TemporaryDirectory() as tmp:
        before = baselines(cache, Path(tmp), packets, round(width), raw_only=True)
        result = merge_all(fresh_bureau(cache, Path(tmp)), packets)
        base = baselines(cache, Path(tmp), packets, round(width))
    records = sum(sizes)
    raw_s = (before.raw_s + base.raw_s) / 2
    merge_rate, base_rate = records / result["merge_s"], records / raw_s
    print(json.dumps({
        "schools": args.schools,
        "students_per_school": args.students,
        "records": records,
        "record_width_columns": round(width, 1),
        "tables": len(TABLES),
        "outcome": result["outcome"],
        "merge_s": round(result["merge_s"], 2),
        "read_wait_s": round(result.get("read_wait_s", 0.0), 2),
        "sql_merge_s": round(result.get("sql_s", 0.0), 2),
        "checkpoint_wait_s": round(result.get("checkpoint_wait_s", 0.0), 2),
        "merge_records_per_s": round(merge_rate),
        "baseline_s": round(raw_s, 2),
        "baseline_before_after_s": [round(before.raw_s, 2), round(base.raw_s, 2)],
        "baseline_records_per_s": round(base_rate),
        "ratio": round(merge_rate / base_rate, 3),
        "budget_ratio": BUDGET_RATIO,
        "single_table_baseline_s": round(base.single_table_s, 2),
        "single_table_ratio": round(base.single_table_s / result["merge_s"], 3),
        "schema_baseline_s": round(base.schema_s, 2),
        "schema_ratio": round(base.schema_s / result["merge_s"], 3),
        "remerge_s": round(result["remerge_s"], 3),
        "remerge_ratio": round(result["remerge_s"] / result["merge_s"], 4),
        "budget_remerge": BUDGET_REMERGE,
        "peak_rss_mb": {str(n): peak_memory(cache, n) for n in memory_ns},
        "cpu_count": os.cpu_count(),
        "reader_workers": bureau_intake.reader_workers(len(packets)),
    }, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
