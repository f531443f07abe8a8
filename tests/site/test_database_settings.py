import os
import subprocess
import sys

import pytest
from django.db import connection

from members.models import Participant


def database_options(**environment):
    """The database OPTIONS that settings.py makes from this environment."""
    code = (
        "import cica_site.settings as s, json; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_DB_PREPARED_STATEMENTS"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**inherited, "DJANGO_SECRET_KEY": "s" * 50, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_prepared_statements_on_postgresql_unless_turned_off():
    postgres = "postgres://postgres@127.0.0.1:5432/cica"
    on = '{"server_side_binding": true, "prepare_threshold": 5}'
    assert database_options(DATABASE_URL=postgres) == on
    assert database_options(DATABASE_URL=postgres, DJANGO_DB_PREPARED_STATEMENTS="0") == "{}"
    assert database_options(DATABASE_URL="sqlite:///x.sqlite3") == "{}"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_repeated_query_becomes_a_prepared_statement():
    for _ in range(6):
        list(Participant.objects.published().filter(slug="kazakhstan"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert any('FROM "members_participant"' in statement for statement in statements)
