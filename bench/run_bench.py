"""Throughput of every public page type against a bare Django view, in one run.

    .venv/bin/python bench/run_bench.py                 # full scale, cache on and off
    .venv/bin/python bench/run_bench.py --quick         # small data, short rounds (a smoke run)
    .venv/bin/python bench/run_bench.py --database-url postgres://postgres@127.0.0.1/bench --no-seed

Seeds the scale data into a throwaway PostgreSQL cluster (unless --database-url),
starts gunicorn with 2 workers on loopback, and measures each page with wrk for
several rounds. Prints req/s, p50, p99, errors and the ratio to the bare view
measured on the same server in the same round; medians over the rounds.
"""

import argparse
import json
import re
import statistics
import subprocess
from contextlib import ExitStack, nullcontext

from _support import PROJECT, PYTHON, free_port, gunicorn, manage, site_env, throwaway_postgres

REDIS_URL = "redis://127.0.0.1:6379/3"


def sample_paths(env):
    """Real URLs of one item of each kind, chosen from the seeded data."""
    script = (
        "import json;"
        "from plans.models import Plan; from events.models import Event;"
        "from publications.models import Publication; from members.models import Participant;"
        "p=Plan.objects.published().order_by('pk').first();"
        "e=Event.objects.published().order_by('-pk').first();"
        "u=Publication.objects.published().order_by('pk').first();"
        "m=Participant.objects.published().members().order_by('pk').first();"
        "print(json.dumps({'plan': p.get_absolute_url(), 'event': e.get_absolute_url(),"
        "'publication': u.get_absolute_url(), 'member': m.get_absolute_url(),"
        "'dimension': p.dimension.slug, 'year': e.start_date.year, 'month': e.start_date.month}))"
    )
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sample = json.loads(output.strip().splitlines()[-1])
    return {
        "bare view": "/bench/bare/",
        "home": "/",
        "member list": "/members/",
        "member detail": sample["member"],
        "plan list": "/plans/",
        "plan list filtered": f"/plans/?dimension={sample['dimension']}&status=approved_soc",
        "plan detail": sample["plan"],
        "status board": "/plans/status/",
        "event list": "/events/",
        "calendar month": f"/events/{sample['year']}/{sample['month']}/",
        "event ics": sample["event"].rstrip("/") + ".ics",
        "publication list": "/publications/",
        "publication detail": sample["publication"],
        "search": "/search/?q=summit",
        "sitemap": "/sitemap.xml",
    }


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses:\s+(\d+)", r"Socket errors:.*?timeout (\d+)"):
        match = re.search(pattern, output)
        if match:
            errors += int(match.group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+)", output)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {"rps": rps, "p50": latency("50"), "p99": latency("99"), "errors": errors}


def wrk(url, connections, seconds):
    output = subprocess.run(
        ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return parse_wrk(output)


def measure(base, paths, rounds, connections, seconds):
    runs = {name: [] for name in paths}
    for path in paths.values():  # warm every page (and the cache, when on)
        subprocess.run(["curl", "-s", "-o", "/dev/null", base + path], check=False)
    for round_number in range(1, rounds + 1):
        for name, path in paths.items():
            runs[name].append(wrk(base + path, connections, seconds))
        print(f"  round {round_number}/{rounds} done")
    results = {}
    for name, samples in runs.items():
        results[name] = {
            key: statistics.median(sample[key] for sample in samples)
            for key in ("rps", "p50", "p99")
        } | {"errors": sum(sample["errors"] for sample in samples)}
    return results


def report(title, results):
    bare = results["bare view"]["rps"]
    print(f"\n{title}")
    print(f"{'page':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'x bare':>7}")
    for name, r in results.items():
        print(
            f"{name:<20} {r['rps']:>9.1f} {r['p50']:>8.1f} {r['p99']:>8.1f} "
            f"{r['errors']:>7d} {r['rps'] / bare:>7.3f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data and short rounds")
    parser.add_argument("--database-url", help="use this database instead of a throwaway one")
    parser.add_argument("--no-seed", action="store_true", help="the database is already seeded")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--modes", default="cache-on,cache-off")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.seconds = 1, 3

    with ExitStack() as stack:
        cluster = None if args.database_url else stack.enter_context(throwaway_postgres())
        database_url = args.database_url or cluster.url
        base_env = site_env(database_url, DJANGO_BENCH="1")
        if not args.no_seed:
            print("Migrating and seeding", database_url)
            manage(base_env, "collectstatic", "--noinput")
            manage(base_env, "migrate", "--noinput")
            manage(base_env, "load_demo")
            scale = ["--quick"] if args.quick else []
            manage(base_env, "seed_scale", *scale, quiet=False)
        paths = sample_paths(base_env)
        for mode in args.modes.split(","):
            extra = {"REDIS_URL": REDIS_URL} if mode == "cache-on" else {"DJANGO_PAGE_CACHE": "0"}
            env = {**base_env, **extra}
            if mode == "cache-on":
                subprocess.run(
                    ["redis-cli", "-n", "3", "FLUSHDB"], check=False, capture_output=True
                )
            print(
                f"\nMeasuring with {mode} ({args.rounds} rounds x {args.seconds}s, "
                f"{args.connections} connections)"
            )
            with gunicorn(env, free_port()) as base, nullcontext():
                results = measure(base, paths, args.rounds, args.connections, args.seconds)
            report(f"{mode}, gunicorn 2 workers, {args.connections} connections", results)


if __name__ == "__main__":
    main()
