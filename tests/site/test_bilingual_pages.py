"""Russian pages: the Russian text where it exists, else the English text marked as such."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.template import Context, Template
from django.utils import translation

from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db

NOTE = 'class="in-english__note"'


@pytest.fixture
def page_in(client):
    def get(language, url):
        """The page at the English ``url`` in ``language`` (Russian under /ru/)."""
        response = client.get(("/ru" if language == "ru" else "") + url)
        assert response.status_code == 200, (language, url, response.status_code)
        # The middleware leaves the request's language active in this thread: back to
        # English, as a new request would start, so factories write English after it.
        translation.activate("en")
        return response

    return get


def test_a_russian_page_shows_the_russian_text_without_a_note(page_in):
    plan = PlanFactory(
        title="Action Plan on Energy",
        title_ru="План действий в области энергетики",
        summary="Summary.",
        summary_ru="Краткое содержание.",
    )
    html = page_in("ru", plan.get_absolute_url()).content.decode()
    assert "<h1>План действий в области энергетики</h1>" in html
    assert "Краткое содержание." in html
    assert NOTE not in html


def test_missing_russian_shows_the_english_text_marked_english_never_an_empty_heading(page_in):
    plan = PlanFactory(title="Action Plan on Energy", body="The **body**.")
    response = page_in("ru", plan.get_absolute_url())
    html = response.content.decode()
    assert '<h1><span lang="en">Action Plan on Energy</span>' in html
    assert NOTE in html and "(только на английском языке)" in html
    assert '<div lang="en" class="in-english">' in html and "<strong>body</strong>" in html
    assert response.context["content_languages"] == ["en"]
    english = page_in("en", plan.get_absolute_url())
    assert NOTE not in english.content.decode()
    assert english.context["content_languages"] == ["en"]


@pytest.mark.parametrize(
    ("make", "english"),
    [
        (lambda: ParticipantFactory(name="Testland"), "Testland"),
        (lambda: EventFactory(title="Testing summit"), "Testing summit"),
        (lambda: PublicationFactory(title="Test statement"), "Test statement"),
    ],
)
def test_every_detail_page_marks_its_english_fallback(page_in, make, english):
    item = make()
    html = page_in("ru", item.get_absolute_url()).content.decode()
    assert f'<span lang="en">{english}</span>' in html
    assert NOTE in html


def test_detail_views_say_which_languages_the_item_exists_in(page_in):
    state = ParticipantFactory(name="Kazakhstan", name_ru="Казахстан")
    response = page_in("ru", state.get_absolute_url())
    assert response.context["content_languages"] == ["en", "ru"]
    # The alternates announce both languages for this item, only English for the other.
    assert 'rel="alternate" hreflang="ru"' in response.content.decode()
    english_only = ParticipantFactory(name="Testland")
    html = page_in("en", english_only.get_absolute_url()).content.decode()
    assert 'rel="alternate" hreflang="ru"' not in html


def test_about_page_falls_back_to_english_with_the_note(page_in):
    page = FlatPage.objects.create(url="/about/test/", title="About test", content="Some text.")
    page.sites.add(Site.objects.get_current())
    html = page_in("ru", page.url).content.decode()
    assert '<span lang="en">About test</span>' in html and NOTE in html
    page.title_ru, page.content_ru = "О тесте", "Текст."
    page.save()
    html = page_in("ru", page.url).content.decode()
    assert "О тесте" in html and "Текст." in html and NOTE not in html


def test_lists_mark_english_only_titles(page_in):
    PlanFactory(title="Only English plan")
    PlanFactory(title="Bilingual plan", title_ru="Двуязычный план")
    html = page_in("ru", "/plans/").content.decode()
    assert '<span lang="en">Only English plan</span>' in html
    assert "Двуязычный план" in html and "Bilingual plan" not in html


def test_the_tag_escapes_and_keeps_its_content():
    plan = PlanFactory(title="<script>x</script>")
    template = Template(
        '{% load bilingual %}{% in_english_if_missing plan "title" %}{{ plan.title }}'
        "{% end_in_english_if_missing %}"
    )
    with translation.override("ru"):
        html = template.render(Context({"plan": plan}))
    assert "<script>" not in html and "&lt;script&gt;" in html and NOTE in html


def test_russian_pages_take_no_more_queries_than_english_ones(page_in):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plans = [PlanFactory(title=f"Plan {n}") for n in range(3)]
    plans[0].title_ru = "План"
    plans[0].save()
    counts = {}
    urls = ("/plans/", plans[1].get_absolute_url(), "/members/")
    for language in ("en", "ru"):
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                page_in(language, url)
            counts[(language, url)] = len(queries)
    for url in urls:
        assert counts[("ru", url)] == counts[("en", url)], url
