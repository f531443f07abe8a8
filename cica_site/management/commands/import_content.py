import json

from django.core.management.base import BaseCommand, CommandError

from cica_site.content_archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Restore a content archive made by export_content into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the JSON archive file")

    def handle(self, *args, archive, **options):
        try:
            with open(archive, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {archive}: {error}") from error
        try:
            count = import_archive(data)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {count} objects from {archive}."))
