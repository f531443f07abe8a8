import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

OUR_APPS = ["publications", "events", "plans", "members", "cica_site"]


@pytest.mark.django_db(transaction=True)
def test_migrations_apply_backwards_and_forwards():
    executor = MigrationExecutor(connection)
    leaves = {app: name for app, name in executor.loader.graph.leaf_nodes() if app in OUR_APPS}
    assert set(leaves) == set(OUR_APPS)
    # Unapplying our first migrations removes everything our apps built, in the right order.
    call_command("migrate", "members", "zero", verbosity=0)
    call_command("migrate", "plans", "zero", verbosity=0)
    call_command("migrate", "events", "zero", verbosity=0)
    call_command("migrate", "publications", "zero", verbosity=0)
    tables = connection.introspection.table_names()
    assert not [
        t for t in tables if t.split("_")[0] in {"members", "plans", "events", "publications"}
    ]
    call_command("migrate", verbosity=0)
    tables = connection.introspection.table_names()
    assert "members_participant" in tables and "plans_plan" in tables
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name__startswith="Secretariat").count() == 2
