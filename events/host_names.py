"""The names of events' host states, for the event lists (upcoming, past, a state's page)."""

from core.related_names import with_published_names


def with_host_names(events):
    """``events`` as a list, each with ``host_names``: its published hosts' names, by name.
    One query."""
    return with_published_names(events, "hosts", "host_names")
