import datetime
import html
import re
from pathlib import Path

import pytest

from core.partial_dates import DatePrecision
from events.models import EventKind
from members import demo as members_demo
from publications import demo
from publications.models import Publication
from tests.factories import PublicationsEventFactory, PublicationsPlanFactory

pytestmark = pytest.mark.django_db

SEED_SLUG = "dulat-bakishev-cica-is-not-a-panacea-for-all-sores"
# The page as it was published, copied untouched from the project's seed.
SOURCE = Path(demo.DATA_DIR / "seed_interview.txt").read_text(encoding="utf-8")
SOURCE_PARAGRAPHS = [" ".join(p.split()) for p in SOURCE.split("\n\n") if p.strip()]
TEXT_PARAGRAPHS = SOURCE_PARAGRAPHS[SOURCE_PARAGRAPHS.index("Nikolay Limov") + 1 :]


def visible_text(page_html):
    main = page_html[page_html.index("<main") : page_html.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_seed_interview_is_loaded_with_its_metadata():
    counts = demo.load()
    publication = Publication.objects.get(slug=SEED_SLUG)
    assert counts["publications"] == 35
    # A title, in page titles and lists, ends without a full stop.
    assert publication.title == "Dulat Bakishev: CICA is not a panacea for all sores"
    assert publication.kind == "interview"
    assert publication.posted_on == datetime.date(2020, 3, 3)
    assert publication.author == "Nikolay Limov (Izvestia-Kazakhstan)"
    assert publication.speaker == "Dulat Bakishev, Executive Director of the CICA Secretariat"
    assert publication.is_published


def test_seed_interview_renders_every_paragraph_verbatim(client):
    demo.load()
    response = client.get(f"/publications/{SEED_SLUG}/")
    assert response.status_code == 200
    text = visible_text(response.text)
    assert len(TEXT_PARAGRAPHS) == 17
    for paragraph in TEXT_PARAGRAPHS:
        assert paragraph in text, paragraph[:60]
    for sentence in (
        "Another aspect to be kept in mind is that one should not have excessive "
        "expectations, because the CICA is not a panacea for all sores.",
        "As one former American president told, a fact is a stubborn thing.",
        "The closest and the most important objective is preparation and holding of the "
        "Third CICA Summit in Turkey.",
    ):
        assert sentence in text
    assert "Posted on: 3 March 2020" in text


def test_seed_interview_questions_and_answers_are_all_set_apart(client):
    demo.load()
    page = client.get(f"/publications/{SEED_SLUG}/").text
    questions = re.findall(r'<p class="qa-question">(Q: .*?)</p>', page)
    answers = re.findall(r'<p class="qa-answer">(A: .*?)</p>', page)
    source_questions = [p for p in TEXT_PARAGRAPHS if p.startswith("Q:")]
    source_answers = [p for p in TEXT_PARAGRAPHS if p.startswith("A:")]
    assert len(questions) == len(source_questions) == 7
    assert len(answers) == len(source_answers) == 7
    assert [html.unescape(q) for q in questions] == source_questions
    # The question's second paragraph belongs to the question.
    assert '<p class="qa-question">The position of Kazakhstan in this issue is clear' in page


def test_seed_interview_links_the_plans_events_and_states_it_talks_about(client):
    members_demo.load()
    slugs = [
        "drugs-concept-paper",
        "drugs-action-plan-2010-2011",
        "smes-concept-paper",
        "human-dimension-concept-paper",
    ]
    for slug in slugs:
        PublicationsPlanFactory(slug=slug, title=slug.replace("-", " ").title())
    PublicationsPlanFactory(slug="smes-action-plan-2016-2018")
    summit = PublicationsEventFactory(
        slug="third-cica-summit",
        title="Third CICA Summit",
        kind=EventKind.SUMMIT,
        start_date=datetime.date(2010, 6, 1),
        date_precision=DatePrecision.MONTH,
        city="Istanbul",
    )
    PublicationsEventFactory(kind=EventKind.SUMMIT, start_date=datetime.date(2014, 5, 1))
    counts = demo.load()
    publication = Publication.objects.get(slug=SEED_SLUG)
    assert sorted(publication.related_plans.values_list("slug", flat=True)) == sorted(slugs)
    assert list(publication.related_events.all()) == [summit]
    assert set(publication.related_states.values_list("name", flat=True)) == {
        "Kazakhstan",
        "Afghanistan",
        "Iran",
        "Iraq",
        "Turkey",
    }
    assert counts["related plans"] == 4 and counts["related events"] == 1
    page = client.get(publication.get_absolute_url()).text
    assert "Third CICA Summit" in page and "Drugs Concept Paper" in page


def test_loader_without_other_demo_data_still_works():
    counts = demo.load()
    assert counts["related plans"] == 0 and counts["related events"] == 0


def test_loading_twice_changes_nothing():
    members_demo.load()
    first = demo.load()
    body_html = Publication.objects.get(slug=SEED_SLUG).body_html
    second = demo.load()
    assert first == second
    assert Publication.objects.get(slug=SEED_SLUG).body_html == body_html


def test_press_releases_are_title_date_summary_and_source_only(client):
    first = demo.load()
    second = demo.load()
    assert first == second and first["linked to their source"] == 34
    releases = Publication.objects.exclude(source_url="")
    assert releases.count() == 34
    # Nothing of CICA's text is copied: no body, our one-line summary as the standfirst.
    assert not any(release.body for release in releases)
    assert not releases.filter(standfirst="").exists()
    assert not Publication.objects.filter(title__endswith=".").exists()
    assert set(releases.values_list("kind", flat=True)) <= {
        "press_release",
        "news",
        "speech",
        "article",
    }
    # Published from their own day, not from the moment of loading.
    assert not Publication.objects.filter(publish_at__year=2026).exists()
    charter = releases.get(posted_on=datetime.date(2024, 3, 14))
    page = client.get(charter.get_absolute_url()).text
    assert f'<a href="{html.escape(charter.source_url)}" rel="external noopener">' in page
    assert '<time datetime="2024-03-14">14 March 2024</time>' in page
    # A date known only to the month or year is shown so, never as a made-up day.
    visit = releases.get(slug="chinese-side-expresses-its-unwavering-support-for-cica")
    assert (visit.posted_on, visit.posted_precision) == (datetime.date(2023, 4, 1), "month")
    assert '<time datetime="2023-04">April 2023</time>' in client.get(visit.get_absolute_url()).text
    listing = client.get("/publications/?year=2023").text
    assert '<time datetime="2023-04">April 2023</time>' in listing
    lecture = releases.get(slug="cica-current-operational-issues-and-development-prospects")
    assert lecture.posted_display == "by 2023"
