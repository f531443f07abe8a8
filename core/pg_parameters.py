"""Server-side parameters on PostgreSQL, for prepared statements, with a way round the
protocol's limit on how many parameters one statement may carry.

settings.py turns on server-side binding and prepared statements: a query run again and
again on a connection is planned once (issue 7). The wire protocol counts a statement's
parameters in 16 bits, so a query with more than 65,535 of them (the IN list of a
prefetch over every plan of a large archive, the CSV export's) could not be sent that
way; such a query is written out with its values inlined, as client-side binding does,
and never prepared.
"""

import psycopg
from django.db.backends.postgresql.base import ServerBindingCursor

MAX_BOUND_PARAMETERS = 65_535


class PreparingCursor(ServerBindingCursor):
    def execute(self, query, params=None, **kwargs):
        if params is not None and len(params) > MAX_BOUND_PARAMETERS:
            with psycopg.ClientCursor(self.connection) as client_side:
                query = client_side.mogrify(query, params)
            params = None
            kwargs["prepare"] = False
        return super().execute(query, params, **kwargs)


def install(sender, connection, **kwargs):
    """connection_created receiver: cursors of server-binding connections are PreparingCursor."""
    if connection.vendor != "postgresql":
        return
    if connection.settings_dict["OPTIONS"].get("server_side_binding") is True:
        connection.connection.cursor_factory = PreparingCursor
