import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from core.publishing import PublicationStatus
from events.filters import hosting_states
from tests.factories import EventDocumentFactory, EventFactory, ParticipantFactory

from . import plan_helpers
from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()

# Decisions cannot be dated in the future: record them as if in July 2030.
DECISIONS_RECORDED_LATER = time_machine.travel(datetime.datetime(2030, 7, 1, tzinfo=datetime.UTC))


def html_of(response):
    return response.content.decode()


def test_upcoming_list_soonest_first_with_link_to_past(client):
    EventFactory(title="Later summit", start_date=TODAY + datetime.timedelta(days=60))
    EventFactory(title="Soon meeting", start_date=TODAY + datetime.timedelta(days=3))
    EventFactory(title="Old meeting", start_date=TODAY - datetime.timedelta(days=3))
    response = client.get(reverse("events:list"))
    assert response.status_code == 200
    html = html_of(response)
    assert html.index("Soon meeting") < html.index("Later summit")
    assert "Old meeting" not in html
    assert reverse("events:past") in html
    assert 'type="application/rss+xml"' in html


def test_past_list_grouped_by_year_newest_first(client):
    EventFactory(title="Summit 2002", start_date=datetime.date(2002, 6, 4))
    EventFactory(title="Summit 2006", start_date=datetime.date(2006, 1, 1), date_precision="year")
    EventFactory(title="Ministerial 2004", start_date=datetime.date(2004, 10, 22))
    EventFactory(title="Next one", start_date=TODAY + datetime.timedelta(days=3))
    html = html_of(client.get(reverse("events:past")))
    assert (
        html.index('id="year-2006"') < html.index('id="year-2004"') < html.index('id="year-2002"')
    )
    assert html.index("Summit 2006") < html.index("Ministerial 2004") < html.index("Summit 2002")
    assert "Next one" not in html
    assert "1 January 2006" not in html


def test_drafts_are_in_no_list(client):
    EventFactory(title="Secret draft", publication_status=PublicationStatus.DRAFT)
    EventFactory(
        title="Past draft", start_date=datetime.date(2020, 1, 1), publication_status="draft"
    )
    EventFactory(title="Not yet public", publish_at=NOW + datetime.timedelta(days=1))
    for url in [reverse("events:list"), reverse("events:past")]:
        html = html_of(client.get(url))
        assert "Secret draft" not in html and "Past draft" not in html
        assert "Not yet public" not in html


def test_filters_by_kind_year_host_and_dimension(client):
    kazakhstan = ParticipantFactory(name="Kazakhstan")
    china = ParticipantFactory(name="China")
    economic_plan = plan_helpers.plan("smes-concept-paper", dimension_slug="economic")
    human_plan = plan_helpers.plan("human-paper", dimension_slug="human")
    EventFactory(
        title="Almaty summit",
        kind="summit",
        start_date=datetime.date(2031, 6, 4),
        hosts=[kazakhstan],
    )
    EventFactory(
        title="Beijing SOC",
        kind="soc",
        start_date=datetime.date(2032, 10, 29),
        hosts=[china],
        plans=[economic_plan],
    )
    EventFactory(
        title="Human SOC", kind="soc", start_date=datetime.date(2032, 1, 5), plans=[human_plan]
    )
    url = reverse("events:list")
    cases = {
        "kind=soc": {"Beijing SOC", "Human SOC"},
        "year=2031": {"Almaty summit"},
        "host=china": {"Beijing SOC"},
        "dimension=economic": {"Beijing SOC"},
        "kind=soc&year=2032&dimension=human": {"Human SOC"},
    }
    everything = {"Almaty summit", "Beijing SOC", "Human SOC"}
    for query, expected in cases.items():
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        html = html_of(response)
        assert {title for title in everything if title in html} == expected, query


def test_host_choices_are_the_published_states_that_hosted_a_published_event(client):
    kazakhstan = ParticipantFactory(name="Kazakhstan", slug="kazakhstan")
    only_draft = ParticipantFactory(name="Only-draft host", slug="only-draft")
    ParticipantFactory(name="Never a host", slug="never")
    unpublished = ParticipantFactory(
        name="Unpublished host", slug="unpublished", publication_status=PublicationStatus.DRAFT
    )
    EventFactory(title="Almaty summit", hosts=[kazakhstan, unpublished])
    EventFactory(title="Draft meeting", hosts=[only_draft], publication_status="draft")
    EventFactory(title="Old meeting", start_date=datetime.date(2002, 6, 4), hosts=[kazakhstan])
    for name in ["events:list", "events:past"]:
        html = html_of(client.get(reverse(name)))
        host_select = html[
            html.index('name="host"') : html.index("</select>", html.index('name="host"'))
        ]
        assert '<option value="kazakhstan">Kazakhstan</option>' in host_select
        for slug in ["only-draft", "never", "unpublished"]:
            assert f'value="{slug}"' not in host_select, (name, slug)


@pytest.mark.parametrize(
    "query",
    [
        "kind=banquet",
        "year=abc",
        "year=99999",
        "year=0",
        "year=1999",  # a year without events is not a choice either
        "host=atlantis",
        "host=",
        "dimension=%00",
        "dimension=economic'--",
        "kind=summit&kind=soc&year=-1",
    ],
)
@pytest.mark.parametrize("name", ["events:list", "events:past"])
def test_bad_filter_values_give_a_form_error_not_a_500(client, name, query):
    EventFactory(title="Almaty summit", start_date=datetime.date(2031, 6, 4))
    EventFactory(title="Old summit", start_date=datetime.date(2002, 6, 4))
    response = client.get(f"{reverse(name)}?{query}")
    html = html_of(response)
    if query == "host=":
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert 'class="errorlist"' in html
    assert "Almaty summit" not in html and "Old summit" not in html


@pytest.mark.parametrize("page", ["abc", "999", "0"])
def test_bad_page_numbers_are_404(client, page):
    EventFactory()
    assert client.get(reverse("events:list"), {"page": page}).status_code == 404


def test_pagination_keeps_filters(client):
    for index in range(30):
        EventFactory(
            title=f"SOC {index:02d}", kind="soc", start_date=TODAY + datetime.timedelta(days=index)
        )
    first = html_of(client.get(reverse("events:list"), {"kind": "soc"}))
    assert "SOC 00" in first and "SOC 29" not in first
    assert "?kind=soc&amp;page=2" in first
    second = html_of(client.get(reverse("events:list"), {"kind": "soc", "page": 2}))
    assert "SOC 29" in second and "SOC 00" not in second


def test_detail_shows_dates_place_hosts_plans_decisions_documents(client):
    kazakhstan = ParticipantFactory(name="Kazakhstan")
    paper = plan_helpers.plan("drugs-concept-paper", title="Concept Paper on drugs")
    hidden = plan_helpers.plan("draft-plan", title="Hidden draft plan", publication_status="draft")
    event = EventFactory(
        title="SOC in Almaty",
        kind="soc",
        city="Almaty",
        venue="Rixos",
        starts_at=datetime.datetime(2030, 6, 20, 14, 0, tzinfo=ALMATY),
        ends_at=datetime.datetime(2030, 6, 20, 17, 0, tzinfo=ALMATY),
        hosts=[kazakhstan],
        plans=[paper, hidden],
    )
    with DECISIONS_RECORDED_LATER:
        plan_helpers.decision(paper, datetime.date(2030, 6, 20), meeting=event)
    with DECISIONS_RECORDED_LATER:
        plan_helpers.decision(hidden, datetime.date(2030, 6, 20), meeting=event)
    EventDocumentFactory(event=event, title="Final declaration")
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    html = html_of(response)
    assert "20 June 2030, 14:00–17:00 (UTC+05:00, Asia/Almaty)" in html
    assert 'datetime="2030-06-20T14:00+05:00"' in html
    assert "Rixos, Almaty" in html
    assert kazakhstan.get_absolute_url() in html
    assert "Plans discussed" in html and paper.get_absolute_url() in html
    assert "Decisions taken" in html and "Approved by SOC" in html
    assert "Hidden draft plan" not in html
    assert "Final declaration" in html and "/media/events/" in html
    assert 'href="/events/soc-in-almaty.ics"' in html
    assert "Add to calendar" in html
    assert 'name="robots"' not in html


def test_detail_of_a_month_only_event_shows_the_month_and_no_calendar_link(client):
    event = EventFactory(
        title="Third CICA Summit", start_date=datetime.date(2010, 6, 1), date_precision="month"
    )
    html = html_of(client.get(event.get_absolute_url()))
    assert "June 2010" in html and "1 June 2010" not in html
    assert "exact day is not known" in html
    assert "Add to calendar" not in html


def test_cancelled_and_postponed_are_shown(client):
    cancelled = EventFactory(
        title="Called off", status="cancelled", start_date=TODAY + datetime.timedelta(days=5)
    )
    EventFactory(title="Moved", status="postponed", start_date=TODAY + datetime.timedelta(days=6))
    assert "This event is cancelled." in html_of(client.get(cancelled.get_absolute_url()))
    html = html_of(client.get(reverse("events:list")))
    assert "Cancelled" in html and "Postponed" in html


def test_drafts_404_for_the_public_and_preview_for_staff(staff_client):
    draft = EventFactory(title="Draft SOC", publication_status=PublicationStatus.DRAFT)
    assert Client().get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = html_of(response)
    assert "Preview: not published" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Add to calendar" not in html


def test_published_detail_is_no_preview_for_staff(staff_client):
    event = EventFactory()
    response = staff_client.get(event.get_absolute_url())
    assert "Preview: not published" not in html_of(response)


def test_unknown_slug_is_404(client):
    assert client.get("/events/no-such-event/").status_code == 404
    assert client.get("/events/no-such-event.ics").status_code == 404


def test_list_item_markup_with_status_place_and_published_hosts_only(client):
    kazakhstan = ParticipantFactory(name="Kazakhstan")
    hidden = ParticipantFactory(name="Hidden host", publication_status=PublicationStatus.DRAFT)
    china = ParticipantFactory(name="China")
    cancelled = EventFactory(
        title="Called <off>",
        kind="soc",
        status="cancelled",
        start_date=TODAY + datetime.timedelta(days=5),
        venue="Palace",
        city="Astana",
        hosts=[china, hidden, kazakhstan],
    )
    plain = EventFactory(title="Quiet meeting", start_date=TODAY + datetime.timedelta(days=9))
    html = html_of(client.get(reverse("events:list")))
    assert (
        '<li class="event-item event-item--cancelled">\n'
        f'  <h3 class="event-item__title"><a href="{cancelled.get_absolute_url()}">'
        "Called &lt;off&gt;</a></h3>\n"
        f'  <p class="event-item__when"><time datetime="{cancelled.when_iso}">'
        f"{cancelled.when_display}</time>"
        ' <span class="badge event-status event-status--cancelled">Cancelled</span></p>\n'
        '  <p class="event-item__meta muted">'
        f"{cancelled.get_kind_display()} · <span>Palace, Astana</span>"
        " · Hosted by <span>China</span>, <span>Kazakhstan</span></p>\n"
        "</li>"
    ) in html
    assert (
        '<li class="event-item">\n'
        f'  <h3 class="event-item__title"><a href="{plain.get_absolute_url()}">Quiet meeting</a>'
    ) in html
    assert f"{plain.when_display}</time></p>" in html
    assert "Hidden host" not in html


def test_host_options_are_published_states_that_hosted_a_published_event(django_assert_num_queries):
    later = NOW + datetime.timedelta(hours=1)
    hosts = {
        name: ParticipantFactory(name=name, **fields)
        for name, fields in [
            ("Qatar", {}),
            ("Bahrain", {}),
            ("Draftland", {"publication_status": PublicationStatus.DRAFT}),
            ("Laterland", {"publish_at": later}),
            ("Only drafts", {}),
            ("Only later", {}),
            ("Never hosted", {}),
        ]
    }
    EventFactory(hosts=[hosts["Qatar"], hosts["Draftland"], hosts["Laterland"]])
    EventFactory(hosts=[hosts["Bahrain"]], start_date=datetime.date(2002, 6, 4))
    EventFactory(hosts=[hosts["Only drafts"]], publication_status=PublicationStatus.DRAFT)
    EventFactory(hosts=[hosts["Only later"]], publish_at=later)
    with django_assert_num_queries(1):
        options = list(hosting_states(None))
    assert [state.name for state in options] == ["Bahrain", "Qatar"]
