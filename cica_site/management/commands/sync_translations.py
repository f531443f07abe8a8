from django.core.management.base import BaseCommand

from cica_site import translation_catalogue as catalogue


class Command(BaseCommand):
    help = (
        "Extract every translatable string of our code and templates into "
        "locale/<lang>/LC_MESSAGES/django.po and compile django.mo, with Babel only "
        "(no GNU gettext needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--compile-only",
            action="store_true",
            help="compile the .po files as they are, without extracting",
        )

    def handle(self, *args, compile_only, **options):
        template = None if compile_only else catalogue.extract_messages()
        for locale in catalogue.LOCALES:
            if template is not None:
                catalogue.write_catalogue(catalogue.merged_catalogue(locale, template), locale)
            catalogue.compile_catalogue(locale)
            merged = catalogue.read_catalogue(locale)
            untranslated = [
                message
                for message in merged
                if message.id and not all(catalogue.message_strings(message))
            ]
            self.stdout.write(
                f"{locale}: {len(merged)} messages, {len(untranslated)} untranslated "
                f"({catalogue.po_path(locale).relative_to(catalogue.base_dir())})"
            )
            for message in untranslated:
                self.stdout.write(f"  untranslated: {message.id!r}")
