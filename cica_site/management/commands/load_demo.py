import importlib

from django.core.management.base import BaseCommand

# Order matters: later apps link to what earlier ones loaded.
DEMO_APPS = ["members", "plans", "events", "publications", "cica_site"]


class Command(BaseCommand):
    help = "Load the real CICA demo data. Safe to run again: it updates, never duplicates."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            counts = module.load()
            summary = ", ".join(f"{count} {name}" for name, count in counts.items())
            self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
