"""Events and their documents in English and Russian (core/bilingual.py)."""

from core.bilingual import register

from .models import Event, EventDocument

register(Event, ["title", "summary", "body", "city", "venue", "organiser"])
register(EventDocument, ["title"])
