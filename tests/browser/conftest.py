"""Real-browser tests: Python Playwright driving Debian's Chromium against the live server.

Skipped, with the reason shown, when /usr/bin/chromium is not installed, so that
`make test` runs anywhere; `make test-browser` runs only these. Never a downloaded
browser: Playwright is pointed at the system Chromium.

Screenshots go to test-artifacts/screenshots (SCREENSHOT_DIR overrides it), named
``<page>-<width>.png``.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts/screenshots"))
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
STAFF_PASSWORD = "browser-test-Pa55word"

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# test itself (factories) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) "
        "to run the browser tests (make test-browser)."
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield instance
        instance.close()


@pytest.fixture
def new_context(browser):
    """Opens browser contexts (separate cookie jars: separate people) closed after the test."""
    contexts = []

    def open_context(viewport=DESKTOP, **options):
        if viewport == PHONE:
            options = {"is_mobile": True, "has_touch": True, **options}
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context(DESKTOP).new_page()


@pytest.fixture
def phone_page(new_context):
    return new_context(PHONE).new_page()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture
def demo(live_server):
    """The real demo data, served by the live server; returns its base URL."""
    call_command("load_demo", verbosity=0)
    return live_server.url


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(axe, page):
    """axe-core's serious and critical findings, one readable line each."""
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def screenshot(page, directory, name):
    """Full-page screenshot named after the page and the viewport width."""
    width = page.viewport_size["width"]
    path = directory / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def staff_user(username, role=None, superuser=False):
    """A staff account with a known password, in one of the Secretariat roles."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.staff.roles import sync_roles

    user = get_user_model().objects.create_user(
        username=username, password=STAFF_PASSWORD, is_staff=True, is_superuser=superuser
    )
    if role:
        sync_roles()
        user.groups.add(Group.objects.get(name=role))
    return user


def log_in(page, base_url, username):
    """Through the admin's own login form, as a person would."""
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/")
