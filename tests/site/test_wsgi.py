import subprocess
import sys

from django.conf import settings


def test_the_wsgi_application_freezes_what_it_loaded_before_serving():
    script = (
        "import gc, cica_site.wsgi as w; "
        "print(gc.get_freeze_count(), gc.get_threshold()[0], callable(w.application))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "cica_site.test_settings", "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    frozen, threshold, callable_ = result.stdout.split()
    # The views were imported before the freeze: tens of thousands of objects.
    assert int(frozen) > 50_000
    assert int(threshold) == 10_000
    assert callable_ == "True"
