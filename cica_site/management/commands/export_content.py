import json
import sys

from django.core.management.base import BaseCommand

from cica_site.content_archive import export_archive


class Command(BaseCommand):
    help = "Write all content, with its history and file references, to a versioned JSON archive."

    def add_arguments(self, parser):
        parser.add_argument("output", nargs="?", default="-", help="file name, or - for stdout")

    def handle(self, *args, output, **options):
        archive = export_archive()
        text = json.dumps(archive, ensure_ascii=False, indent=1)
        if output == "-":
            sys.stdout.write(text)
        else:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(
                f"Wrote {len(archive['objects'])} objects, {len(archive['users'])} users and "
                f"{len(archive['files'])} file references to {output}."
            )
