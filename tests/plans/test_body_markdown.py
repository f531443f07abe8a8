"""Plan and event bodies are Markdown on the public page, with typed HTML escaped, and
the admin says what formatting is accepted."""

import pytest
from django.urls import reverse

from tests.factories import EventFactory, PlanFactory

pytestmark = pytest.mark.django_db

BODY = (
    "## Aims\n\nThe plan **strengthens** cooperation:\n\n- first measure\n- second measure\n\n"
    "See [CICA](https://www.s-cica.org/).\n\n<script>alert(1)</script> <b onclick=x>typed</b>"
)


@pytest.mark.parametrize("make", [PlanFactory, EventFactory])
def test_body_markdown_is_rendered_and_html_escaped(client, make):
    item = make(body=BODY)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "<strong>strengthens</strong>" in html
    assert "<li>first measure</li>" in html
    assert 'href="https://www.s-cica.org/"' in html
    assert "## Aims" not in html and "**strengthens**" not in html
    assert "<script>alert(1)</script>" not in html
    assert "<b onclick" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("admin_name", ["plans_plan", "events_event"])
def test_admin_says_which_formatting_the_body_accepts(staff_client, admin_name):
    html = staff_client.get(reverse(f"admin:{admin_name}_add")).content.decode()
    assert "Formatting: Markdown" in html
