import pytest
from django.core.management import call_command

from members.models import Chairmanship, Participant, StatusChange

pytestmark = pytest.mark.django_db


def counts():
    return (Participant.objects.count(), StatusChange.objects.count(), Chairmanship.objects.count())


def test_load_demo_is_idempotent_and_real():
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert Participant.objects.states().members().count() == 28
    kuwait = Participant.objects.get(name="Kuwait")
    assert kuwait.accession_display == "13 October 2022"
    thailand = Participant.objects.get(name="Thailand")
    assert thailand.accession_display == "2006"
    china = Participant.objects.get(name="China")
    assert china.accession_display == "by 2002"
    assert Participant.objects.observers().filter(kind="organisation").count() == 5
    assert Participant.objects.get(name="Japan").status_changes.get().date is None
    assert Chairmanship.objects.filter(state__name="Kazakhstan").count() == 2
