"""Where a page's time goes: SQL, view, template; and a pyinstrument profile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cica_scale_bench \\
        .venv/bin/python bench/profile_page.py                      # every bench page
    DATABASE_URL=... .venv/bin/python bench/profile_page.py --profile "plan list"

Each page is requested in-process with Django's test client, page cache off and
fragment cache on as in run_bench.py's cache-off mode (--no-fragments: off too), on an
already seeded database. For every page it prints the median time of
a request over several batches, split into the SQL it ran, the template rendering
(including SQL run lazily from templates) and the rest. With --profile, a pyinstrument
profile of those pages is printed and saved as HTML in bench/results/.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "cica_site.test_settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.response import SimpleTemplateResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import BENCH_PAGES, public_paths  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


class RenderTimer:
    """Adds up the time spent in template rendering (SimpleTemplateResponse.rendered_content)."""

    def __init__(self):
        self.seconds = 0.0
        self._original = SimpleTemplateResponse.rendered_content

    def __enter__(self):
        original = self._original.fget
        timer = self

        def rendered_content(response):
            began = time.perf_counter()
            try:
                return original(response)
            finally:
                timer.seconds += time.perf_counter() - began

        SimpleTemplateResponse.rendered_content = property(rendered_content)
        return self

    def __exit__(self, *exc):
        SimpleTemplateResponse.rendered_content = self._original


def measure(client, path, requests, batches):
    client.get(path)  # warm: templates compiled, connection open
    per_request, sql, render, queries = [], [], [], 0
    for _ in range(batches):
        with RenderTimer() as timer, CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            for _ in range(requests):
                status = client.get(path).status_code
            elapsed = time.perf_counter() - began
        per_request.append(elapsed / requests * 1000)
        sql.append(sum(float(q["time"]) for q in captured.captured_queries) / requests * 1000)
        render.append(timer.seconds / requests * 1000)
        queries = len(captured.captured_queries) // requests
    return (
        status,
        queries,
        statistics.median(per_request),
        statistics.median(sql),
        (statistics.median(render)),
    )


def profile(client, name, path, requests):
    from pyinstrument import Profiler

    client.get(path)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(requests):
        client.get(path)
    profiler.stop()
    print(f"\n=== profile of {name} ({path}), {requests} requests")
    print(profiler.output_text(unicode=False, color=False))
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"profile-{name.replace(' ', '-')}.html"
    target.write_text(profiler.output_html())
    print(f"saved {target.relative_to(RESULTS.parent.parent)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated page names (default: the bench pages)")
    parser.add_argument("--profile", help="comma-separated page names to profile")
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--no-fragments", action="store_true", help="fragment cache off")
    args = parser.parse_args()
    settings.FRAGMENT_CACHE_ENABLED = not args.no_fragments
    paths = public_paths()
    names = args.only.split(",") if args.only else BENCH_PAGES
    client = Client()
    header = ["status", "queries", "ms/req", "SQL", "render", "other"]
    print(f"{'page':<20} " + " ".join(f"{label:>7}" for label in header))
    for name in names:
        status, queries, total, sql, render = measure(
            client, paths[name], args.requests, args.batches
        )
        print(
            f"{name:<20} {status:>7} {queries:>7} {total:>7.1f} {sql:>7.1f} {render:>7.1f} "
            f"{total - sql - render:>7.1f}"
        )
    for name in args.profile.split(",") if args.profile else []:
        profile(client, name, paths[name], args.requests * 2)


if __name__ == "__main__":
    main()
