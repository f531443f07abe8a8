import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

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
    # The file's corrections: Thailand joined in 2004, the Republic of Korea at the 2006 summit.
    thailand = Participant.objects.get(name="Thailand")
    assert thailand.accession_display == "22 October 2004"
    korea = Participant.objects.get(name="Republic of Korea")
    assert korea.accession_display == "17 June 2006"
    # The 16 first members are founding members; no accession day is made up for them.
    founders = Participant.objects.filter(founding_member=True)
    assert founders.count() == 16
    kazakhstan = founders.get(name="Kazakhstan")
    assert kazakhstan.accession_display == "Founding member"
    assert kazakhstan.accession_precision == "by_year"
    assert Participant.objects.observers().filter(kind="organisation").count() == 5
    assert Participant.objects.get(name="Japan").status_changes.get().date is None
    assert Chairmanship.objects.filter(state__name="Kazakhstan").count() == 2


def test_member_pages_show_founding_members_and_a_chart_without_unknown_years(client):
    call_command("load_demo")
    page = client.get("/members/kazakhstan/").content.decode()
    assert "<dt>Member since</dt><dd>Founding member</dd>" in page
    assert "by 2002</dd>" not in page
    listing = client.get("/members/").content.decode()
    assert listing.count("<td>Founding member</td>") == 16
    assert "<td>22 October 2004</td>" in listing
    assert 'class="chart__value">?<' not in listing
    assert "<tr><td>1999</td>" not in listing and "<tr><td>2002</td><td>16</td></tr>" in listing
    assert "not known" not in listing


def test_states_are_published_from_their_first_dated_status():
    call_command("load_demo")
    kuwait = Participant.objects.get(name="Kuwait")
    assert timezone.localtime(kuwait.publish_at).date() == datetime.date(2022, 10, 13)
    kazakhstan = Participant.objects.get(name="Kazakhstan")
    assert timezone.localtime(kazakhstan.publish_at).date() == datetime.date(2002, 1, 1)
    assert kazakhstan.is_published
