"""Dimensions, priority areas, plans and their parts in English and Russian (core/bilingual.py)."""

from core.bilingual import register

from .models import Dimension, Measure, Plan, PlanDocument, PriorityArea, StatusChange

register(Dimension, ["name", "description"])
register(PriorityArea, ["name", "note"])
register(Plan, ["title", "summary", "body"])
register(Measure, ["title"])
register(PlanDocument, ["title"])
register(StatusChange, ["note"])
