import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_base_frame_has_landmarks_and_assets_are_local(client):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'class="skip-link" href="#content"' in html
    assert '<main id="content"' in html
    assert 'aria-label="Main"' in html
    assert 'media="print"' in html
    # Nothing from another host; hreflang alternates name this one, as they must, in full.
    assert "http://" not in html.replace("http://www.w3.org", "").replace("http://testserver/", "")
    assert "https://" not in html


def test_custom_500_page_renders_in_frame(settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    from cica_site import views

    response = views.server_error(None)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_client_without_session_sees_home():
    assert Client().get("/").status_code == 200


def test_page_language_matches_the_text_whatever_the_browser_prefers(client):
    html = client.get("/members/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.5").content.decode()
    assert '<html lang="en">' in html
