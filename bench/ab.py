"""Two commits' throughput on the same pages, measured alternately in one run.

    .venv/bin/python bench/ab.py --base e03b536 \\
        --database-url postgres://postgres@127.0.0.1:5432/cica_scale_bench

The machine's speed drifts between runs (the bare view served 1,929 to 2,551 req/s in
runs an hour apart here), so req/s from two separate runs of run_bench.py cannot show
a change of 10 or 20%. This script checks the base commit out into a temporary git
worktree, starts it and the working tree each in gunicorn (2 workers, page cache off,
same database), and for every page runs wrk against one then the other, swapping the
order each round. It prints the medians and the ratio of the working tree to the base.
The database must already be migrated for the working tree and seeded.
"""

import argparse
import statistics
import subprocess
import tempfile
from contextlib import ExitStack
from pathlib import Path

from _support import PROJECT, free_port, gunicorn, manage, site_env
from run_bench import sample_paths, settle, wrk


def worktree(commit):
    """A temporary checkout of ``commit`` (removed by the caller's ExitStack)."""
    folder = Path(tempfile.mkdtemp(prefix="cica-ab-")) / "base"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), commit],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    return folder


def remove_worktree(folder):
    subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=PROJECT, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--pages", help="comma-separated page names (default: all)")
    args = parser.parse_args()

    env = site_env(args.database_url, DJANGO_BENCH="1", DJANGO_PAGE_CACHE="0")
    paths = sample_paths(env, args.pages.split(",") if args.pages else None)
    with ExitStack() as stack:
        base_tree = worktree(args.base)
        stack.callback(remove_worktree, base_tree)
        manage(env, "collectstatic", "--noinput", project=base_tree)
        manage(env, "collectstatic", "--noinput")
        servers = {
            "base": stack.enter_context(gunicorn(env, free_port(), project=base_tree)),
            "now": stack.enter_context(gunicorn(env, free_port())),
        }
        samples = {name: {side: [] for side in servers} for name in paths}
        for round_number in range(args.rounds):
            order = list(servers) if round_number % 2 == 0 else list(reversed(servers))
            for name, path in paths.items():
                for side in order:
                    settle(servers[side])
                    result = wrk(servers[side] + path, args.connections, args.seconds)
                    if result["errors"]:
                        print(f"  {name} on {side}: {result['errors']} errors")
                    samples[name][side].append(result["rps"])
            print(f"  round {round_number + 1}/{args.rounds} done", flush=True)

    print(f"\nreq/s, medians of {args.rounds} rounds; base {args.base}, now the working tree")
    print(f"{'page':22s} {'base':>9s} {'now':>9s} {'now/base':>9s}")
    for name, sides in samples.items():
        base, now = (statistics.median(sides[side]) for side in ("base", "now"))
        print(f"{name:22s} {base:9.1f} {now:9.1f} {now / base:9.2f}")


if __name__ == "__main__":
    main()
