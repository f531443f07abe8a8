"""Names of the published participants related to a page's objects, read as names.

Prefetching a many-to-many relation (an event's hosts, a measure's responsible states)
builds a participant model and a related manager per link; a list that only shows the
names spent about 2 ms of a page on it (issue 7). One query of names instead, in plain
SQL: built through the ORM, the query took longer than it ran.
"""

from collections import defaultdict

from django.db import connections
from django.utils import timezone

from .publishing import PublicationStatus, published_q


def published_names_query(objects, relation):
    """The ORM form of the query with_published_names runs: (object pk, name) of each
    published object related to ``objects`` through ``relation``, by name. Kept as its
    definition; tests/site/test_related_names.py checks both give the same rows."""
    field = objects[0]._meta.get_field(relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return (
        field.remote_field.through.objects.filter(
            published_q(target), **{f"{source}__in": [item.pk for item in objects]}
        )
        .order_by(f"{target}__name")
        .values_list(f"{source}_id", f"{target}__name")
    )


def published_name_rows(objects, relation):
    """published_names_query(objects, relation)'s rows, read by plain SQL."""
    field = objects[0]._meta.get_field(relation)
    through = field.remote_field.through
    target_model = field.remote_field.model
    connection = connections[through.objects.db]
    quote = connection.ops.quote_name
    source_column = quote(through._meta.get_field(field.m2m_field_name()).column)
    target_column = quote(through._meta.get_field(field.m2m_reverse_field_name()).column)
    target_table = quote(target_model._meta.db_table)
    name = quote(target_model._meta.get_field("name").column)
    target_key = quote(target_model._meta.pk.column)
    keys = [item.pk for item in objects]
    sql = (
        f"SELECT link.{source_column}, target.{name} FROM {quote(through._meta.db_table)} AS link "
        f"INNER JOIN {target_table} AS target ON target.{target_key} = link.{target_column} "
        "WHERE target.publication_status = %s AND target.publish_at <= %s "
        f"AND link.{source_column} IN ({', '.join(['%s'] * len(keys))}) ORDER BY target.{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [PublicationStatus.PUBLISHED.value, timezone.now(), *keys])
        return cursor.fetchall()


def with_published_names(objects, relation, attribute):
    """``objects`` as a list, each with ``attribute``: the names of the published objects
    related to it through the many-to-many field ``relation``, by name. One query."""
    objects = list(objects)
    names = defaultdict(list)
    if objects:
        for owner, name in published_name_rows(objects, relation):
            names[owner].append(name)
    for item in objects:
        setattr(item, attribute, names[item.pk])
    return objects
