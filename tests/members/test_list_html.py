"""The member list's table rows and regions, written in Python, equal the template they
replace (kept in reference_templates/participant_list.html)."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.text import slugify

from core.partial_dates import DatePrecision
from tests.factories import ParticipantFactory, StatusChangeFactory
from tests.reference_templates import page_and_reference

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "reference_templates" / "participant_list.html"


def list_both_ways(client, params=None):
    return page_and_reference(client, "/members/", REFERENCE, params)


def joined(name, iso_code, date, precision):
    state = ParticipantFactory(name=name, slug=slugify(name), iso_code=iso_code)
    StatusChangeFactory(participant=state, date=date, precision=precision)
    return state


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("sort", ["name", "-year"])
def test_rows_and_regions_are_byte_for_byte_the_template(client, language, sort):
    joined('Ruritania & "Co" <east>', "KZ", datetime.date(2002, 1, 1), DatePrecision.BY_YEAR)
    joined("Freedonia", "KG", datetime.date(2014, 5, 1), DatePrecision.MONTH)
    joined("Sylvania", "CN", datetime.date(2022, 10, 13), DatePrecision.DAY)
    joined("Nowhere Land", "", datetime.date(2006, 1, 1), DatePrecision.YEAR)
    joined("Date Unknown", "IN", None, DatePrecision.YEAR)
    with translation.override(language):
        written, expected = list_both_ways(client, {"sort": sort})
    assert written == expected
    assert "Ruritania &amp; &quot;Co&quot; &lt;east&gt;" in written and "<east>" not in written
    assert written.count('<div class="region-list__group">') == 4  # 2 states in Central Asia


def test_the_real_members_are_the_template_too(client):
    call_command("load_demo")
    written, expected = list_both_ways(client)
    assert written == expected
    assert "Kuwait" in written


def test_no_members_is_the_template_too(client):
    written, expected = list_both_ways(client)
    assert written == expected
