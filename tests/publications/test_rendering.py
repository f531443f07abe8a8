import re
from html.parser import HTMLParser

import pytest

from core.rendering import ALLOWED_TAGS, render_markdown, sanitise_html


class _ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_harmless(html):
    """Only allow-listed elements, no event handlers or styles, only safe link schemes."""
    assert "<script" not in html.lower()
    collector = _ElementCollector()
    collector.feed(html)
    for tag, attrs in collector.elements:
        assert tag in ALLOWED_TAGS, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            assert name not in {"style", "src", "srcdoc", "action", "formaction"}, html
            if name == "href":
                visible = re.sub(r"[\x00-\x20\x7f-\x9f\ufffd]", "", value or "").lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", visible)
                assert scheme is None or scheme.group(1) in {"http", "https", "mailto"}, html


def test_markdown_renders_the_usual_structures():
    html = render_markdown(
        "Intro with *emphasis* and **strong** text.\n\n"
        "## A heading\n\n"
        "- one\n- two\n\n"
        "1. first\n2. second\n\n"
        "> A quotation.\n\n"
        "| State | Year |\n| :--- | ---: |\n| Kuwait | 2022 |\n\n"
        "[CICA](https://www.s-cica.org/) and [plans](/plans/)."
    )
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert "<h2>A heading</h2>" in html
    assert "<ul>" in html and "<li>one</li>" in html and "<ol>" in html
    assert "<blockquote>" in html and "A quotation." in html
    assert "<table>" in html and '<th align="left">State</th>' in html
    assert '<td align="right">2022</td>' in html
    assert '<a href="https://www.s-cica.org/" rel="noopener noreferrer">CICA</a>' in html
    assert '<a href="/plans/" rel="noopener noreferrer">plans</a>' in html


def test_top_level_markdown_heading_never_competes_with_the_page_title():
    html = render_markdown("# Title inside the body\n\n## Part\n\n###### Deepest")
    assert "<h1" not in html
    assert "<h2>Title inside the body</h2>" in html
    assert "<h3>Part</h3>" in html
    assert "<h6>Deepest</h6>" in html


def test_interview_questions_and_answers_are_set_apart():
    html = render_markdown(
        "Introduction.\n\nQ: First question?\n\nIts second paragraph.\n\n"
        "A: First answer.\n\nMore of the answer.\n\nQ: **Second** question?\n\nA: Done."
    )
    assert "<p>Introduction.</p>" in html
    assert '<p class="qa-question">Q: First question?</p>' in html
    assert '<p class="qa-question">Its second paragraph.</p>' in html
    assert '<p class="qa-answer">A: First answer.</p>' in html
    assert '<p class="qa-answer">More of the answer.</p>' in html
    assert html.count('class="qa-question"') == 3
    assert html.count('class="qa-answer"') == 3


def test_a_heading_ends_an_answer():
    html = render_markdown("A: An answer.\n\n## Next part\n\nOrdinary text.")
    assert "<p>Ordinary text.</p>" in html


def test_only_the_interview_classes_survive():
    html = render_markdown('<p class="qa-answer evil hidden" id="x">Text</p>')
    assert '<p class="qa-answer">Text</p>' in html


ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    '<a href="#" onmouseover="alert(1)">hover</a>',
    "[link](javascript:alert(1))",
    "[link](JaVaScRiPt:alert(1))",
    '<a href="jav&#x61;script:alert(1)">entity</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">dec</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="java&#x09;script:alert(1)">entity tab</a>',
    '<a href="java&NewLine;script:alert(1)">entity newline</a>',
    '<a href=" javascript:alert(1)">space</a>',
    '<a href="&#0;javascript:alert(1)">nul</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="javascript:alert(1)"><button formaction="javascript:x()">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<!--<script>alert(1)</script>-->",
    "<div><img src=x onerror=alert(1)//></div>",
    "<a href='javascript&colon;alert(1)'>colon entity</a>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_markdown_never_lets_active_content_through(attack):
    assert_harmless(render_markdown(f"Before.\n\n{attack}\n\nAfter."))


@pytest.mark.parametrize("attack", [attack for attack in ATTACKS if attack.startswith("<")])
def test_stored_html_is_sanitised_on_its_own(attack):
    assert_harmless(sanitise_html(attack))


def test_safe_links_keep_their_target_and_gain_rel():
    html = render_markdown("[mail](mailto:info@example.org) [web](http://example.org/a?b=1)")
    assert 'href="mailto:info@example.org"' in html
    assert 'href="http://example.org/a?b=1"' in html
    assert html.count('rel="noopener noreferrer"') == 2


def test_nested_script_trick_leaves_only_escaped_text():
    html = render_markdown("Use <scr<script>ipt>alert(1)</script> carefully.")
    assert "&lt;scr" in html
    assert "alert(1)" not in html


def test_plain_text_special_characters_are_escaped():
    html = render_markdown("Fish & chips, 3 < 4 and <b>bold</b>.")
    assert "Fish &amp; chips, 3 &lt; 4 and <b>bold</b>." in html


def test_empty_body_renders_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
