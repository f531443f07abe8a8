"""Every public page type in Russian shows no interface text left in English.

The pages are the demo data's (load_demo), one of each type, asked for at their Russian
addresses (/ru/...), with the browser's language besides. The content
itself may still be English (staff add its Russian); the interface around it may not.
"""

import pprint
import re
from html.parser import HTMLParser

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.urls import translate_url
from django.utils import translation

from cica_site import translation_catalogue as catalogue
from tests.browser.site_pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

# Interface words of the header, navigation and footer that no Russian page may show.
ENGLISH_CHROME = [
    "Skip to main content",
    "Working languages",
    "Members",
    "Publications",
    "Events",
    "Action plans",
    "Search",
    "Secretariat of the Conference",
    "Main",
    "Footer",
    "Breadcrumb",
]
# Attributes whose text people read or hear.
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description"}
CHROME_TAGS = {"header", "nav", "footer"}
SKIPPED_TAGS = {"script", "style"}
# Staff-written text, English until its Russian is entered: an About page's body.
CONTENT_CLASSES = {"about-page"}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class InterfaceText(HTMLParser):
    """The texts of a page, each with whether it is in the chrome, skipping lang="en" parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, is English content)
        self.texts = []  # (text, in chrome)

    def _english(self):
        return any(english for _, english in self.open)

    def _in_chrome(self):
        return any(tag in CHROME_TAGS for tag, _ in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        english = (attributes.get("lang", "").startswith("en") and tag != "html") or bool(
            CONTENT_CLASSES & set((attributes.get("class") or "").split())
        )
        if not (english or self._english()):
            for name in READ_ATTRIBUTES & attributes.keys():
                self.texts.append((attributes[name] or "", self._in_chrome()))
        if tag not in VOID_TAGS:
            self.open.append((tag, english))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if self._english() or any(tag in SKIPPED_TAGS for tag, _ in self.open):
            return
        if data.strip():
            self.texts.append((data, self._in_chrome()))


def texts_of(html):
    parser = InterfaceText()
    parser.feed(html)
    return [(" ".join(text.split()), chrome) for text, chrome in parser.texts]


def english_patterns():
    """A full-text pattern for each English interface string the catalogue translates."""
    patterns = []
    for message in catalogue.read_catalogue("ru"):
        if not message.id or catalogue.is_override(message):
            continue
        for english, russian in zip(
            message.id if isinstance(message.id, tuple) else (message.id,),
            catalogue.message_strings(message),
            strict=False,
        ):
            parts = re.split(r"%\(\w+\)[sd]|%[sd]", english.replace("%%", "%"))
            # Too little fixed text to tell interface from content ("%(year)s", "co").
            if english == russian or sum(len(re.sub(r"\W", "", part)) for part in parts) < 5:
                continue
            pattern = r".+?".join(re.escape(part) for part in parts)
            patterns.append((english, re.compile(pattern + r"[:.]?")))
    return patterns


def russian_path(path):
    """The page's Russian address, /ru/..."""
    prefix = translate_url("/", "ru")
    assert prefix == "/ru/"
    return prefix + path.removeprefix("/")


def get_in_russian(client, path):
    # translate_url resolves the English address: with English active (a request under
    # /ru/ leaves Russian active in the thread).
    with translation.override("en"):
        address = russian_path(path)
    return client.get(address, HTTP_ACCEPT_LANGUAGE="ru")


@pytest.fixture
def russian_site():
    call_command("load_demo", verbosity=0)


def test_every_public_page_type_in_russian_leaves_no_interface_text_in_english(
    client, russian_site
):
    patterns = english_patterns()
    # The About pages' titles are content too (in the page's title, breadcrumb and menu).
    about_titles = set(FlatPage.objects.values_list("title", flat=True))
    left = {}
    for name, path, status in PUBLIC_PAGES:
        response = get_in_russian(client, path)
        assert response.status_code == status, (name, path)
        texts = [
            (text, chrome)
            for text, chrome in texts_of(response.content.decode())
            if text.split(" | ")[0] not in about_titles
        ]
        assert any("Рабочие языки" in text for text, _ in texts), name
        found = {
            english
            for text, _ in texts
            for english, pattern in patterns
            if pattern.fullmatch(text.rstrip())
        }
        found |= {
            word for text, chrome in texts if chrome for word in ENGLISH_CHROME if word in text
        }
        if found:
            left[name] = sorted(
                (english, [text for text, _ in texts if english.split("%")[0] in text][:3])
                for english in found
            )
    assert left == {}, pprint.pformat(left)


def test_the_checker_finds_english_interface_text():
    # The test above proves something only if this finds what it looks for.
    html = (
        '<header><nav aria-label="Main"><a>Members</a></nav></header>'
        "<main><p>Posted on <time>3 марта</time></p><p>Найдено 2 плана.</p>"
        '<p lang="en">Events</p><p>Page 2 of 3</p></main>'
    )
    texts = texts_of(html)
    found = {
        english for text, _ in texts for english, pattern in english_patterns()
        if pattern.fullmatch(text)
    }  # fmt: skip
    assert {"Members", "Posted on", "Page %(number)s of %(total)s"} <= found
    assert "Events" not in found


def test_russian_admin_titles_are_grammatical(admin_client, russian_site):
    response = get_in_russian(admin_client, "/admin/publications/publication/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Добавить объект типа «публикация»" in html
    assert "Добавить публикация" not in html
    listing = get_in_russian(admin_client, "/admin/publications/publication/").content.decode()
    assert "Выберите объект типа «публикация» для изменения" in listing


def our_admin_pages():
    """The admin home and, for each model of ours, its list, its add form and one change form."""
    from django.contrib import admin
    from django.urls import reverse

    paths = ["/admin/"]
    for model in admin.site._registry:
        if model._meta.app_label not in {"members", "plans", "events", "publications", "cica_site"}:
            continue
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paths.append(reverse(f"{info}_changelist"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            paths.append(reverse(f"{info}_change", args=[first.pk]))
    return paths


def test_our_admin_pages_in_russian_leave_no_interface_text_in_english(admin_client, russian_site):
    patterns = english_patterns()
    left = {}
    for path in our_admin_pages():
        response = get_in_russian(admin_client, path)
        assert response.status_code == 200, path
        texts = texts_of(response.content.decode())
        found = {
            english
            for text, _ in texts
            for english, pattern in patterns
            if pattern.fullmatch(text.rstrip())
        }
        if found:
            left[path] = sorted(found)
    assert left == {}, pprint.pformat(left)
