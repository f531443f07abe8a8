"""EXPLAIN (ANALYZE, BUFFERS) of the SQL every page really runs, on a seeded PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cica_scale_bench \\
        .venv/bin/python bench/explain.py            # public pages, then the admin
    .venv/bin/python bench/explain.py --only "plan list,search" --verbose

Each page is requested with Django's test client (page cache off); the queries it runs
are captured and each SELECT is run again under EXPLAIN (ANALYZE, BUFFERS), and, since
the site prepares the queries it repeats, once more as a prepared statement: where
PostgreSQL would then switch to a generic plan, that plan is shown and checked too. The plans
of the main list, board, calendar and search pages are printed in full, and every
sequential scan of a table with more than 10,000 rows is flagged wherever it occurs.
Exit status 1 when a flagged scan is not in ALLOWED_SEQ_SCANS (which says why each is
right). The admin pages run as a superuser created for the run; everything happens
in one transaction that is rolled back.
"""

import argparse
import itertools
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The test settings: page cache off, the test client's host allowed, plain static files.
os.environ["DJANGO_SETTINGS_MODULE"] = "cica_site.test_settings"

import django  # noqa: E402
import psycopg  # noqa: E402

django.setup()

from django.db import DatabaseError, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import admin_paths, public_paths  # noqa: E402

LARGE_TABLE_ROWS = 10_000
MAIN_PAGES = {
    "plan list",
    "plan list filtered",
    "plan list by coordinator",
    "status board",
    "event list",
    "calendar month",
    "calendar ics",
    "publication list",
    "search",
}
# (page name, table) -> why a sequential scan is the right plan there.
ALLOWED_SEQ_SCANS = {}
SEQ_SCAN = re.compile(r"(?:Parallel )?Seq Scan on (\w+)")
PLACEHOLDER = re.compile(r"%%|%s")
SERVED = itertools.count()


def table_sizes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        )
        return dict(cursor.fetchall())


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def served_plan(sql, params, name):
    """EXPLAIN (ANALYZE, BUFFERS) of ``sql`` as a prepared statement on its sixth run.

    The site's connections prepare a query run five times (settings.py), and from its
    sixth run PostgreSQL may keep one generic plan, made without the values, instead of
    planning for each. This prepares the query, runs it five times with the page's
    values, and explains the sixth run: the plan the site runs it with from then on.
    """
    numbered = iter(range(1, len(params) + 1))
    statement = PLACEHOLDER.sub(lambda m: "%" if m[0] == "%%" else f"${next(numbered)}", sql)
    run = f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
    with psycopg.ClientCursor(connection.connection) as cursor:
        cursor.execute(f"PREPARE {name} AS {statement}")
        for _ in range(5):
            cursor.execute(run, params)
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {run}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT generic_plans > 0 FROM pg_prepared_statements WHERE name = %s", [name]
        )
        generic = cursor.fetchone()[0]
        cursor.execute(f"DEALLOCATE {name}")
    return plan, generic


def timed(sql, runs=5):
    """Median wall time of the query itself, without EXPLAIN's per-row instrumentation."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            began = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def page_queries(client, path):
    """(status, query count, [(literal SQL, SQL, params, prepared?)] of distinct SELECTs)."""
    sent = []

    def record(execute, sql, params, many, context):
        # Search turns preparing off for its queries (queries.planned_for_their_values).
        prepared = connection.connection.prepare_threshold is not None
        sent.append((sql, tuple(params or ()), prepared))
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    selects, seen = [], set()
    for query, (sql, params, prepared) in zip(captured.captured_queries, sent, strict=True):
        literal = query["sql"]
        if literal.lstrip().upper().startswith("SELECT") and literal not in seen:
            seen.add(literal)
            selects.append((literal, sql, params, prepared))
    return response.status_code, len(captured.captured_queries), selects


def check_page(name, path, client, sizes, verbose):
    status, count, selects = page_queries(client, path)
    flagged, total_ms, reports = [], 0.0, []
    for sql, template, params, prepared in selects:
        plan = explain(sql)
        took = timed(sql)
        total_ms += took
        if prepared:
            try:
                with transaction.atomic():
                    served, generic = served_plan(template, params, f"served_{next(SERVED)}")
            except (DatabaseError, psycopg.Error) as error:
                served, generic = f"  Could not prepare it here: {error}", True
            if generic:
                plan += "\n  As a prepared statement (generic plan, from the sixth run):\n"
                plan += served
        large = sorted({t for t in SEQ_SCAN.findall(plan) if sizes.get(t, 0) > LARGE_TABLE_ROWS})
        unexplained = [t for t in large if (name, t) not in ALLOWED_SEQ_SCANS]
        flagged += unexplained
        if verbose or name in MAIN_PAGES or unexplained or took > 20:
            reports.append((sql, plan, took, large))
    mark = "  SEQ SCAN: " + ", ".join(sorted(set(flagged))) if flagged else ""
    print(f"{name:<34} {status} {count:>3} queries {total_ms:8.1f} ms in SQL  {path}{mark}")
    for sql, plan, took, large in reports:
        print(
            f"\n  --- {took:.1f} ms (median of 5 runs)"
            + (f"  seq scan of {', '.join(large)}" if large else "")
        )
        print("  " + sql)
        print("\n".join("    " + line for line in plan.splitlines()))
        print()
    return [(name, table) for table in flagged]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated page names")
    parser.add_argument("--no-admin", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print every plan")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a seeded PostgreSQL database (see bench/README.md).")
    sizes = table_sizes()
    print("Large tables:", ", ".join(f"{t} {n:,}" for t, n in sorted(sizes.items()) if n > 10_000))
    flagged = []
    with transaction.atomic():
        pages = public_paths()
        anonymous = Client()
        admin_client = Client()
        if not args.no_admin:
            from django.contrib.auth import get_user_model

            user = get_user_model().objects.create_superuser("explain-run", password=None)
            admin_client.force_login(user)
            pages |= admin_paths()
        wanted = set(args.only.split(",")) if args.only else None
        for name, path in pages.items():
            if wanted and name not in wanted:
                continue
            client = admin_client if path.startswith("/admin/") else anonymous
            flagged += check_page(name, path, client, sizes, args.verbose)
        transaction.set_rollback(True)
    if flagged:
        print("\nUnexplained sequential scans of large tables:")
        for name, table in flagged:
            print(f"  {name}: {table}")
        sys.exit(1)
    print("\nNo unexplained sequential scan of a large table.")


if __name__ == "__main__":
    main()
