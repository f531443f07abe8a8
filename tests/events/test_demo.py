import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core.publishing import PublicationStatus
from events import demo
from events.models import Event, EventDocument
from members import demo as members_demo
from plans.models import StatusChange

from . import plan_helpers
from .conftest import ALMATY

pytestmark = pytest.mark.django_db


def counts():
    return (
        Event.objects.count(),
        Event.hosts.through.objects.count(),
        Event.plans.through.objects.count(),
        StatusChange.objects.filter(meeting__isnull=False).count(),
    )


def test_load_demo_twice_gives_the_same_data_and_calendar_stamps():
    call_command("load_demo")
    first = counts()
    stamps = list(Event.objects.order_by("slug").values_list("slug", "sequence", "updated_at"))
    with time_machine.travel(datetime.datetime(2030, 7, 1, tzinfo=ALMATY), tick=False):
        call_command("load_demo")
    assert counts() == first
    assert (
        list(Event.objects.order_by("slug").values_list("slug", "sequence", "updated_at")) == stamps
    )
    # The facts file's 73 meetings and the 5 earlier ones it does not repeat.
    assert Event.objects.count() == 78
    assert EventDocument.objects.count() == 36
    assert not EventDocument.objects.filter(source_url="").exists()
    assert not Event.objects.exclude(publication_status=PublicationStatus.PUBLISHED).exists()


def test_demo_events_are_real_and_unknown_days_stay_unknown():
    members_demo.load()
    demo.load()
    first = Event.objects.get(slug="first-summit-almaty-2002")
    assert (first.start_date, first.date_precision) == (datetime.date(2002, 6, 4), "day")
    assert [host.name for host in first.hosts.all()] == ["Kazakhstan"]
    # The corrections: the summits' exact days.
    summits = {
        "second-summit-almaty-2006": "17 June 2006",
        "third-summit-istanbul-2010": "8 June 2010",
        "fourth-summit-shanghai-2014": "20\N{EN DASH}21 May 2014",
        "fifth-summit-dushanbe-2019": "15 June 2019",
        "sixth-summit-astana-2022": "12\N{EN DASH}13 October 2022",
    }
    for slug, when in summits.items():
        assert Event.objects.get(slug=slug).when_display == when
    baku = Event.objects.get(slug="seventh-summit-baku-2026")
    assert baku.when_display == "October 2026" and baku.hosts.get().name == "Azerbaijan"
    assert "whether and when it took place is not recorded" in baku.summary
    assert Event.objects.get(slug="first-ministerial-meeting-almaty-1999").kind == "ministerial"
    catalogue = Event.objects.get(slug="ministerial-meeting-almaty-2004")
    assert catalogue.start_date == datetime.date(2004, 10, 22)
    assert "Catalogue" in catalogue.summary
    assert Event.objects.filter(kind="summit").count() == 7
    # Decisions whose place is not recorded get no invented venue or host.
    silent = Event.objects.get(slug="soc-drugs-concept-paper-2008-08-23")
    assert (silent.city, silent.venue, silent.hosts.count()) == ("", "", 0)
    assert Event.objects.get(slug="soc-beijing-2009-10-29").city == "Beijing"
    assert (
        Event.objects.get(slug="soc-environmental-concept-papers-2023-12").when_display
        == "12 December 2023"
    )
    # Meetings known only to the month stay so; documents hang on the meeting that adopted them.
    assert Event.objects.get(slug="senior-officials-committee-march-2007").when_display == (
        "March 2007"
    )
    astana = Event.objects.get(slug="sixth-summit-astana-2022")
    assert "Astana Statement on CICA Transformation" in [d.title for d in astana.documents.all()]
    assert astana.source_url.startswith("https://")


def test_demo_events_are_published_from_their_own_day():
    with time_machine.travel(datetime.datetime(2026, 12, 5, 12, tzinfo=ALMATY), tick=False):
        members_demo.load()
        demo.load()
    istanbul = Event.objects.get(slug="third-summit-istanbul-2010")
    assert istanbul.publish_at == datetime.datetime(
        2010, 6, 8, tzinfo=zoneinfo.ZoneInfo("Europe/Istanbul")
    )
    assert not Event.objects.filter(publish_at__date__gte=datetime.date(2026, 12, 1)).exists()


def test_baku_summit_counts_as_upcoming_until_october_2026_is_over():
    with time_machine.travel(datetime.datetime(2026, 9, 28, 12, tzinfo=ALMATY), tick=False):
        members_demo.load()
        demo.load()
        upcoming = [event.slug for event in Event.objects.published().upcoming()]
    assert upcoming == ["seventh-summit-baku-2026"]


def test_link_decisions_sets_the_meeting_and_the_plans_discussed():
    event = Event.objects.create(
        title="SOC", slug="soc", kind="soc", start_date=datetime.date(2008, 8, 23)
    )
    paper = plan_helpers.plan("drugs-concept-paper")
    agreement = plan_helpers.decision(paper, datetime.date(2008, 7, 1), to_status="agreed_swg")
    approval = plan_helpers.decision(paper, datetime.date(2008, 8, 23))
    other = plan_helpers.plan("drugs-action-plan-2010-2011")
    later = plan_helpers.decision(other, datetime.date(2012, 1, 1))  # another year
    decisions = [
        {"plan": "drugs-concept-paper", "to_status": "approved_soc"},
        {"plan": "drugs-action-plan-2010-2011", "to_status": "approved_soc"},
        {"plan": "not-loaded-yet", "to_status": "approved_soc"},
    ]
    assert demo.link_decisions(event, decisions) == 1
    assert demo.link_decisions(event, decisions) == 1  # idempotent
    approval.refresh_from_db(), agreement.refresh_from_db(), later.refresh_from_db()
    assert approval.meeting == event
    assert agreement.meeting is None and later.meeting is None
    assert list(event.plans.all()) == [paper]
    assert list(event.decisions.all()) == [approval]


def test_demo_links_plan_decisions_when_the_plans_exist(client):
    members_demo.load()
    smes = plan_helpers.plan("smes-action-plan-2016-2018", title="SMEs action plan 2016-2018")
    decision = plan_helpers.decision(smes, datetime.date(2016, 1, 13))
    counts = demo.load()
    assert counts["events"] == 78 and counts["decisions linked"] == 1
    decision.refresh_from_db()
    assert decision.meeting.slug == "soc-smes-action-plan-2016-01-13"
    html = client.get(decision.meeting.get_absolute_url()).content.decode()
    assert "SMEs action plan 2016-2018" in html and "Decisions taken" in html


def test_demo_without_members_says_what_is_missing():
    with pytest.raises(LookupError, match="members demo"):
        demo.load()


def test_a_document_without_a_file_links_to_its_source(client):
    members_demo.load()
    demo.load()
    page = client.get("/events/sixth-summit-astana-2022/").content.decode()
    document = EventDocument.objects.get(title="Astana Statement on CICA Transformation")
    assert f'<a href="{document.source_url}" rel="external noopener">' in page
    assert "(Declaration, external source)" in page
    with pytest.raises(ValidationError):
        EventDocument(event=document.event, title="Nothing to read").full_clean()
