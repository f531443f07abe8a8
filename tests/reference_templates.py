"""Pages whose repeated parts are written in Python are compared, byte for byte, with
the template they replaced, kept under tests/<app>/reference_templates/."""

from django.template import engines


def page_and_reference(client, path, reference, params=None):
    """(the page as served, the same context rendered by the reference template)."""
    response = client.get(path, params or {})
    assert response.status_code == 200
    template = engines["django"].from_string(reference.read_text())
    return response.content.decode(), template.render(response.context_data, response.wsgi_request)
