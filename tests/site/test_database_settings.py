import pytest
from django.db import connection

from plans.models import Plan


@pytest.mark.django_db
def test_a_query_may_hold_more_than_65535_parameters():
    # Server-side parameter binding (needed for prepared statements) caps a PostgreSQL
    # query at 65,535 parameters; prefetching or exporting every plan of a large archive
    # builds IN lists longer than that, so the site binds parameters client-side.
    assert not connection.settings_dict.get("OPTIONS", {}).get("server_side_binding")
    assert Plan.objects.filter(pk__in=range(1, 70_001)).count() == 0
