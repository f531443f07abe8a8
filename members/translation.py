"""The member and observer pages' texts in English and Russian (core/bilingual.py)."""

from core.bilingual import register

from .models import Participant, StatusChange

register(Participant, ["name", "official_name", "summary"])
register(StatusChange, ["note"])
