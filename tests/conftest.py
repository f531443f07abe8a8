import pytest

from tests.factories import StaffUserFactory


@pytest.fixture
def staff_user(db):
    return StaffUserFactory(username="staff")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Database rollbacks between tests send no signals: start every test with no pages cached.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request under /ru/ leaves Russian active in the thread after it: every test
    # starts in English, as a request to an unprefixed address does.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_collection_modifyitems(config, items):
    # Real-browser tests are the slowest: run them after everything else.
    items.sort(key=lambda item: "browser" in item.keywords)


@pytest.fixture
def fragments_only(settings, monkeypatch):
    """Page cache off, fragment cache on, and no outage carried over from another test:
    pages drawn anew from their cached fragments."""
    from core import page_cache

    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True
    monkeypatch.setattr(page_cache, "_outage", {"until": 0.0, "bump_pending": False})
