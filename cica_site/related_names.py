"""Names of the published participants related to a page's objects, read as names.

Prefetching a many-to-many relation (an event's hosts, a measure's responsible states)
builds a participant model and a related manager per link; a list that only shows the
names spent about 2 ms of a page on it (issue 7). One query of names instead.
"""

from collections import defaultdict

from .publishing import published_q


def with_published_names(objects, relation, attribute):
    """``objects`` as a list, each with ``attribute``: the names of the published objects
    related to it through the many-to-many field ``relation``, by name. One query."""
    objects = list(objects)
    names = defaultdict(list)
    if objects:
        field = objects[0]._meta.get_field(relation)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects.filter(
                published_q(target), **{f"{source}__in": [item.pk for item in objects]}
            )
            .order_by(f"{target}__name")
            .values_list(f"{source}_id", f"{target}__name")
        )
        for owner, name in rows:
            names[owner].append(name)
    for item in objects:
        setattr(item, attribute, names[item.pk])
    return objects
