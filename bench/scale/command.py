"""The options of ``bench/seed_scale.py`` and the run they ask for (Django must be set up)."""

import argparse
import sys

from . import DEFAULT, QUICK, Counts, reset, seed, synthetic_present

COUNT_OPTIONS = {
    "states": "member and observer states",
    "plans": "plans (at least; see --cap-status-changes)",
    "status_changes": "plan status changes",
    "measures": "plan measures",
    "events": "events",
    "publications": "publications",
}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="bench/seed_scale.py",
        description="Fill the database with synthetic content at scale for performance work "
        "(titles 'Synthetic ...', slugs 'synthetic-...'). Not for a production database.",
    )
    for name, label in COUNT_OPTIONS.items():
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=int,
            dest=name,
            help=f"number of {label} (default {getattr(DEFAULT, name):,}; --quick: "
            f"{getattr(QUICK, name)})",
        )
    parser.add_argument(
        "--quick", action="store_true", help="small numbers, for smoke runs and tests"
    )
    parser.add_argument("--reset", action="store_true", help="delete earlier synthetic data first")
    parser.add_argument(
        "--cap-status-changes",
        action="store_true",
        help="keep the number of plans and create only the status changes they can hold, "
        "instead of adding plans until the number of status changes is reached",
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    return parser


def main(argv=None, out=None):
    """Seed as the command line asks; a refused request exits with status 2 (argparse)."""
    out = out or sys.stdout
    parser = build_parser()
    options = parser.parse_args(argv)

    def say(line):
        print(line, file=out, flush=True)

    base = QUICK if options.quick else DEFAULT
    counts = base.with_overrides(
        **{name: getattr(options, name) for name in Counts.__annotations__}
    )
    if any(value < 0 for value in vars(counts).values()):
        parser.error("Counts cannot be negative.")
    if counts.states < 1 and (counts.events or counts.plans or counts.measures):
        parser.error("Events, plans and measures need at least one state.")
    if options.reset:
        say(f"Deleted {reset():,} rows of earlier synthetic data.")
    elif synthetic_present():
        parser.error(
            "Synthetic data is already in this database. Run again with --reset to replace it."
        )
    say(f"Seeding synthetic data: {counts}")
    report = seed(counts, random_seed=options.seed, grow=not options.cap_status_changes, log=say)
    for name, number in report["created"].items():
        say(f"  {number:>9,} {name}")
    say(report["history_note"])
    say(f"Seeded in {report['seconds']}s.")
