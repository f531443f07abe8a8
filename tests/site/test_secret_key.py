"""Without a real DJANGO_SECRET_KEY and with debug off, the site refuses to serve and
nothing is signed, while management commands that sign nothing still run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
MESSAGE = "DJANGO_SECRET_KEY must be set to a long random value"
WEAK_KEYS = {
    "missing": None,
    "short": "x7Gq2LmP9vRt",
    "django-insecure": "django-insecure-" + "k3Jd9Qw2Zx7Vb4Nm8Lp1Rt6Ys5Hg0Fc" * 2,
    "change-me": "change-me-" + "k3Jd9Qw2Zx7Vb4Nm8Lp1Rt6Ys5Hg0Fc" * 2,
}


def run(args, key, tmp_path):
    """Run in an environment a new machine would have: no debug, this key or none."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cica_site.settings",
        # The suite's own database when it has one, else a SQLite file of this test's.
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path}/db.sqlite3",
    }
    if key is not None:
        env["DJANGO_SECRET_KEY"] = key
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_the_wsgi_application_refuses_to_start(key, tmp_path):
    result = run(["-c", "import cica_site.wsgi"], key, tmp_path)
    assert result.returncode != 0
    assert MESSAGE in result.stderr


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_check_deploy_fails_with_an_error(key, tmp_path):
    result = run(["manage.py", "check", "--deploy"], key, tmp_path)
    assert result.returncode != 0
    assert "cica_site.E001" in result.stderr
    assert MESSAGE in result.stderr


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_nothing_is_signed_with_a_weak_key(key, tmp_path):
    script = "import django; django.setup(); from django.core import signing; signing.dumps(1)"
    result = run(["-c", script], key, tmp_path)
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_commands_that_sign_nothing_run_without_a_key(tmp_path):
    makemigrations = run(["manage.py", "makemigrations", "--check", "--dry-run"], None, tmp_path)
    assert makemigrations.returncode == 0, makemigrations.stderr
    assert "No changes detected" in makemigrations.stdout
    check = run(["manage.py", "check"], None, tmp_path)
    assert check.returncode == 0, check.stderr
    assert "no issues" in check.stdout


def test_a_real_key_lets_the_wsgi_application_start(tmp_path):
    key = "k3Jd9Qw2Zx7Vb4Nm8Lp1Rt6Ys5Hg0Fc" * 2
    result = run(["-c", "import cica_site.wsgi"], key, tmp_path)
    assert result.returncode == 0, result.stderr
