"""{% content_cache %}: a fragment renders again after a save of what it shows, only then."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from core import page_cache
from tests.factories import EventFactory, PlanFactory, PublicationFactory, member_state

pytestmark = pytest.mark.django_db

BOARD = (
    "{% load content_cache %}"
    '{% content_cache 600 "board" "plans members" %}board {{ render }}{% endcontent_cache %}'
)
SECTION = (
    "{% load content_cache %}"
    '{% content_cache 600 "section" "plans" state.pk %}{{ state.name }} {{ render }}'
    "{% endcontent_cache %}"
)


@pytest.fixture(autouse=True)
def _page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    monkeypatch.setattr(page_cache, "_outage", {"until": 0.0, "bump_pending": False})


class Fragment:
    """A template whose fragment counts how often it is really rendered."""

    def __init__(self, source, **context):
        self.template = Template(source)
        self.context = context
        self.renders = 0

    def _render_count(self):
        self.renders += 1
        return self.renders

    def render(self, request=None):
        request = request or RequestFactory().get("/plans/")
        return self.template.render(
            Context({"request": request, "render": self._render_count, **self.context})
        )


def test_a_fragment_is_rendered_once_then_served_from_the_cache():
    board = Fragment(BOARD)
    assert board.render() == "board 1"
    assert board.render() == "board 1"
    assert board.renders == 1


def test_a_save_of_what_it_shows_renders_it_again_and_other_saves_do_not():
    board = Fragment(BOARD)
    board.render()
    PublicationFactory()
    EventFactory()
    assert board.render() == "board 1"
    PlanFactory()
    assert board.render() == "board 2"
    member_state(name="Another State")
    assert board.render() == "board 3"


def test_each_language_has_its_own_copy():
    board = Fragment(BOARD)
    board.render()
    with translation.override("ru"):
        assert board.render() == "board 2"
        assert board.render() == "board 2"
    assert board.render() == "board 1"


def test_values_it_varies_on_have_their_own_copies():
    first, second = member_state(name="First State"), member_state(name="Second State")
    section = Fragment(SECTION, state=first)
    assert section.render() == "First State 1"
    section.context["state"] = second
    assert section.render() == "Second State 2"
    section.context["state"] = first
    assert section.render() == "First State 1"


def test_staff_with_a_session_get_it_rendered_never_cached():
    board = Fragment(BOARD)
    staff_request = RequestFactory().get("/plans/")
    staff_request.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    board.render(staff_request)
    board.render(staff_request)
    assert board.renders == 2
    assert board.render() == "board 3"  # what staff saw (drafts perhaps) was not stored


def test_with_the_page_cache_off_it_is_still_cached(settings):
    # A page drawn for every request (page cache off, or missed) reuses its fragments.
    settings.PAGE_CACHE_ENABLED = False
    board = Fragment(BOARD)
    assert (board.render(), board.render()) == ("board 1", "board 1")
    PlanFactory()
    assert board.render() == "board 2"


def test_with_the_fragment_cache_off_it_is_rendered_every_time(settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    board = Fragment(BOARD)
    assert (board.render(), board.render()) == ("board 1", "board 2")


def test_while_redis_is_down_it_is_rendered_uncached(monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("Redis is not answering")

    for name in ("get", "get_many", "set", "add", "incr", "delete"):
        monkeypatch.setattr(caches["default"], name, fail)
    board = Fragment(BOARD)
    assert (board.render(), board.render()) == ("board 1", "board 2")


def test_an_unknown_content_app_is_an_error_when_the_template_loads():
    with pytest.raises(TemplateSyntaxError, match="plan is not one of"):
        Template('{% load content_cache %}{% content_cache 60 "x" "plan" %}{% endcontent_cache %}')
