"""Reading the SVG drawings on a page as a browser or a screen reader would."""

import re
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager

from django.utils import translation

# Attributes that hold a coordinate or a length: a browser drops a drawing whose numbers do
# not parse ("12,5" under a decimal-comma locale).
NUMERIC_ATTRIBUTES = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "width", "height"}


def parse(svg):
    """The <svg> element of one drawing; fails unless the text is well-formed XML."""
    element = ElementTree.fromstring(str(svg).strip())
    assert element.tag == "svg"
    return element


def drawings_in(html):
    """Every drawing on a page, parsed."""
    return [parse(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def by_class(element, name, tag="*"):
    """The descendants whose class list holds ``name``."""
    return [e for e in element.iter(tag) if name in e.get("class", "").split()]


def text_of(element):
    return "".join(element.itertext())


def labelled_by(svg):
    """(title, description) named by aria-labelledby, after checking the drawing is an image."""
    assert svg.get("role") == "img"
    title_id, description_id = svg.get("aria-labelledby").split()
    title, description = svg.find("title"), svg.find("desc")
    assert (title.get("id"), description.get("id")) == (title_id, description_id)
    assert text_of(title).strip() and text_of(description).strip()
    return text_of(title), text_of(description)


def assert_numbers_parse(svg):
    view_box = [float(number) for number in svg.get("viewBox").split()]
    assert len(view_box) == 4 and view_box[2] > 0 and view_box[3] > 0
    for element in svg.iter():
        for name in NUMERIC_ATTRIBUTES.intersection(element.keys()):
            float(element.get(name))


@contextmanager
def pseudo_translated():
    """Every message looked up in the catalogue comes back in guillemets: «Message».

    A string a template writes without asking the catalogue stays bare, so a test can
    tell translated text from text that is not.
    """
    real_gettext = translation._trans.gettext

    def gettext(message):
        return f"«{real_gettext(message)}»"

    translation._trans.gettext = gettext
    try:
        yield
    finally:
        translation._trans.gettext = real_gettext
