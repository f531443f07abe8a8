"""PostgreSQL stops while the site serves, then comes back: run by hand.

    .venv/bin/python bench/fault_database.py

Uses a throwaway cluster of its own on a free loopback port (never the shared one),
gunicorn with 2 workers, and prints what a visitor sees at each step.
"""

import time

from _support import fetch, free_port, gunicorn, manage, site_env, throwaway_postgres

PAGES = ["/", "/members/", "/members/kazakhstan/", "/plans/", "/events/", "/publications/"]


def sweep(base, label):
    results = []
    for path in PAGES:
        status, body = fetch(base + path + f"?probe={time.monotonic_ns()}")
        friendly = "Temporarily unavailable" in body and "Traceback" not in body
        results.append(status)
        note = "friendly 503" if status == 503 and friendly else ""
        print(f"  {label:<22} {path:<24} {status} {note}")
    return results


def main():
    with throwaway_postgres() as cluster:
        env = site_env(cluster.url, DJANGO_PAGE_CACHE="0")
        manage(env, "collectstatic", "--noinput")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        with gunicorn(env, free_port()) as base:
            up = sweep(base, "database up")
            cluster.stop()
            down = sweep(base, "database stopped")
            cluster.start()
            time.sleep(1)
            back = sweep(base, "database back")
    ok = all(s == 200 for s in up) and all(s == 503 for s in down) and all(s == 200 for s in back)
    print("RESULT:", "PASS" if ok else "FAIL", "(200 -> friendly 503 -> 200, no restart)")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
