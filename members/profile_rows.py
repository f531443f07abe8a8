"""A member page's status history and chairmanships, read by plain SQL.

Prefetched through the ORM, the two took longer to build than to run (issue 7). The
ORM forms stay here as the definitions; tests/members/test_profile_rows.py checks that
both give the same rows.
"""

from core.queries import read_models

from .models import Chairmanship, StatusChange

HISTORY_FIELDS = {field.attname for field in StatusChange._meta.concrete_fields}
CHAIR_FIELDS = {field.attname for field in Chairmanship._meta.concrete_fields}


def history_queryset(participant):
    return StatusChange.objects.filter(participant=participant).in_history_order()


def chairmanships_queryset(participant):
    return Chairmanship.objects.filter(state=participant).order_by("start_year", "pk")


def status_history(participant):
    """history_queryset(participant), in plain SQL."""
    table = StatusChange._meta.db_table
    return read_models(
        StatusChange,
        HISTORY_FIELDS,
        f"FROM {table} WHERE {table}.participant_id = %s "
        f"ORDER BY {table}.date ASC NULLS FIRST, {table}.id ASC",
        [participant.pk],
    )


def chairmanships(participant):
    """chairmanships_queryset(participant), in plain SQL."""
    table = Chairmanship._meta.db_table
    return read_models(
        Chairmanship,
        CHAIR_FIELDS,
        f"FROM {table} WHERE {table}.state_id = %s ORDER BY {table}.start_year, {table}.id",
        [participant.pk],
    )
