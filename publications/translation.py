"""Publications in English and Russian (core/bilingual.py). body_html is each language's
body rendered on save (Publication.save)."""

from core.bilingual import register

from .models import Publication

register(
    Publication, ["title", "standfirst", "body", "body_html", "image_alt", "author", "speaker"]
)
