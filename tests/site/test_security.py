import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import override_settings

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "cica.example.org",
        "DJANGO_SETTINGS_MODULE": "cica_site.settings",
    }
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_security_headers_on_public_pages(client):
    response = client.get("/members/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_pages_use_no_inline_script_or_style(client):
    html = client.get("/members/").content.decode()
    assert "<script>" not in html and "<script type" not in html
    assert " style=" not in html and "<style" not in html


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/members/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_proxy_header_marks_requests_secure(client):
    response = client.get("/members/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "max-age=" in response["Strict-Transport-Security"]


def test_cookies_are_secure_and_httponly(settings):
    from django.conf import settings as live

    assert live.SESSION_COOKIE_HTTPONLY and live.CSRF_COOKIE_HTTPONLY
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
            "s.SECURE_HSTS_SECONDS)",
        ],
        cwd=PROJECT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["True", "True", "True", "31536000"], result.stderr


def test_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Contact: " in body and "Expires: " in body


def test_database_outage_gives_friendly_503(client, monkeypatch):
    from members import views

    def broken(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(views.MemberListView, "get_queryset", broken)
    response = client.get("/members/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Temporarily unavailable" in html
    assert "Traceback" not in html and "127.0.0.1" not in html
    assert response["Retry-After"] == "30"
