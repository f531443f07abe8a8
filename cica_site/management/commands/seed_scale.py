from django.core.management.base import BaseCommand, CommandError

from cica_site import scale


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic content at scale for performance work (titles "
        "'Synthetic ...', slugs 'synthetic-...'). Not for a production database."
    )

    def add_arguments(self, parser):
        defaults = scale.DEFAULT
        for name, label in (
            ("states", "member and observer states"),
            ("plans", "plans (at least; see --cap-status-changes)"),
            ("status_changes", "plan status changes"),
            ("measures", "plan measures"),
            ("events", "events"),
            ("publications", "publications"),
        ):
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                dest=name,
                help=f"number of {label} (default {getattr(defaults, name):,}; --quick: "
                f"{getattr(scale.QUICK, name)})",
            )
        parser.add_argument(
            "--quick", action="store_true", help="small numbers, for smoke runs and tests"
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete earlier synthetic data first"
        )
        parser.add_argument(
            "--cap-status-changes",
            action="store_true",
            help="keep the number of plans and create only the status changes they can hold, "
            "instead of adding plans until the number of status changes is reached",
        )
        parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")

    def handle(self, *args, **options):
        base = scale.QUICK if options["quick"] else scale.DEFAULT
        counts = base.with_overrides(
            **{name: options[name] for name in scale.Counts.__annotations__}
        )
        if any(value < 0 for value in vars(counts).values()):
            raise CommandError("Counts cannot be negative.")
        if counts.states < 1 and (counts.events or counts.plans or counts.measures):
            raise CommandError("Events, plans and measures need at least one state.")
        if options["reset"]:
            deleted = scale.reset()
            self.stdout.write(f"Deleted {deleted:,} rows of earlier synthetic data.")
        elif scale.synthetic_present():
            raise CommandError(
                "Synthetic data is already in this database. Run again with --reset to replace it."
            )
        self.stdout.write(f"Seeding synthetic data: {counts}")
        report = scale.seed(
            counts,
            random_seed=options["seed"],
            grow=not options["cap_status_changes"],
            log=self.stdout.write,
        )
        for name, number in report["created"].items():
            self.stdout.write(f"  {number:>9,} {name}")
        self.stdout.write(report["history_note"])
        self.stdout.write(self.style.SUCCESS(f"Seeded in {report['seconds']}s."))
