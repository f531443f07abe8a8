"""Development tools: benchmarks, query plans, fault drills and the scale-data generator.

Not part of the site: nothing in the site's packages imports from here. A package (not
a folder of scripts only) so that tests and ``manage.py shell`` import ``bench.scale``
and ``bench.pages`` from the project root, and no installed ``bench`` can shadow it.
"""
