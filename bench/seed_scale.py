"""Fill a database with synthetic content at scale, for the benchmarks and query plans.

    .venv/bin/python bench/seed_scale.py            # 60 states, 20,000+ plans, 200,000 status
                                                    # changes, 100,000 measures, 50,000 events,
                                                    # 20,000 publications
    .venv/bin/python bench/seed_scale.py --quick    # a few hundred rows, for smoke runs
    .venv/bin/python bench/seed_scale.py --reset --events 100000   # replace earlier synthetic data
    .venv/bin/python bench/seed_scale.py --help     # every option

Runs with the site's settings, like manage.py (DATABASE_URL chooses the database; migrate
it first). The generator is the package bench/scale/; the options are in its command.py.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cica_site.settings")

import django  # noqa: E402

django.setup()

from bench.scale.command import main  # noqa: E402

if __name__ == "__main__":
    main()
