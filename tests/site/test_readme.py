"""The README is what a newcomer and a staff member need; the rest is linked from it."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ["README.md", "docs/operations.md", "docs/testing.md", "docs/development.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def section(text, heading):
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_the_readme_is_short():
    assert README.stat().st_size < 8 * 1024


def test_the_quick_start_gives_the_two_commands():
    quick_start = section(README.read_text(encoding="utf-8"), "Quick start")
    assert "make run" in quick_start and "make test" in quick_start


def test_the_readme_covers_logging_in_roles_and_configuration():
    text = README.read_text(encoding="utf-8")
    for heading in ("### Logging in to the admin", "## Staff roles and the admin"):
        assert heading in text
    configuration = section(text, "Configuration")
    for variable in ("DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_MEDIA_ROOT"):
        assert f"`{variable}`" in configuration


@pytest.mark.parametrize("document", DOCS)
def test_every_local_link_leads_to_a_file(document):
    path = ROOT / document
    links = [link for link in LINK.findall(path.read_text(encoding="utf-8")) if "://" not in link]
    assert links or document != "README.md"
    for link in links:
        assert (path.parent / link).resolve().exists(), f"{document}: {link}"


def test_the_readme_links_operations_testing_and_benchmarks():
    links = set(LINK.findall(README.read_text(encoding="utf-8")))
    assert {"docs/operations.md", "docs/testing.md", "bench/README.md"} <= links


def test_operations_say_how_production_serves_media_and_backs_up():
    operations = (ROOT / "docs/operations.md").read_text(encoding="utf-8")
    assert "location /media/" in operations  # the front server's configuration
    assert "pg_dump" in operations and "rsync" in operations
    assert "s-maxage" in operations


@pytest.mark.django_db
def test_the_readme_shows_three_api_requests_that_answer(client):
    from tests.factories import member_state

    member_state(name="Kazakhstan")
    requests = re.findall(
        r"^curl '(http://127\.0\.0\.1:8000)?(/api/v1/\S+)'$",
        section(README.read_text(encoding="utf-8"), "Open data API"),
        re.M,
    )
    assert len(requests) == 3
    for _host, path in requests:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/json"
