"""Redis goes away while the site serves, then comes back: run by hand.

    .venv/bin/python bench/fault_redis.py

Loopback only: a Redis of its own on a free port (never the shared one), a throwaway
PostgreSQL cluster, gunicorn with 2 workers, the page cache on. Phases:

1. Redis up: pages come from the cache (X-Page-Cache: hit).
2. Redis killed: every page still answers 200, from the database; staff can log in
   and save, and visitors see the change at once.
3. Redis restarted (empty): pages are cached again within seconds (each worker leaves
   Redis alone for 5 s after a failure), with no restart of the site.
4. Redis frozen (SIGSTOP: it keeps its data but does not answer, as in a network
   partition): pages still answer 200, as fast as with no cache (one request per worker
   waits for the 0.5 s socket timeout every 5 s); a change saved meanwhile is seen at once.
5. Redis thawed (SIGCONT), holding pages cached before the freeze: the change saved
   during the freeze must still be what visitors see, not the old cached page.

Each phase prints a page sweep and a 10-second wrk run of the mixed pages.
"""

import argparse
import os
import secrets
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from _admin_forms import AdminSession
from _support import django_json, free_port, gunicorn, manage, site_env, throwaway_postgres
from load_mixed import MAKE_WRITERS, SAMPLE, mixed_paths, run_wrk

# After a failure each worker leaves Redis alone for page_cache.RETRY_AFTER_SECONDS (5 s).
RETRY_WAIT = 6


class OwnRedis:
    """A redis-server of this script's own, on a free loopback port."""

    def __init__(self):
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="cica-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", self.directory],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise SystemExit("redis-server did not start")

    def kill(self):
        self.process.kill()
        self.process.wait()

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


def get(url):
    """(status, body, X-Page-Cache header, milliseconds)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            status, body, header = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, body, header = error.code, error.read(), error.headers
    elapsed = (time.perf_counter() - started) * 1000
    return status, body.decode("utf-8", "replace"), header.get("X-Page-Cache", "-"), elapsed


def sweep(base, paths, label):
    """Every page twice: the second answer shows whether the cache works."""
    results = []
    for path in paths:
        get(base + path)
        status, _, cache, elapsed = get(base + path)
        results.append((status, cache, elapsed))
    statuses = sorted({status for status, _, _ in results})
    hits = sum(cache == "hit" for _, cache, _ in results)
    median = sorted(elapsed for _, _, elapsed in results)[len(results) // 2]
    print(
        f"  {label:<34} statuses {statuses}, cache hits {hits}/{len(results)},"
        f" median {median:.0f} ms"
    )
    return results


def load(base, paths, label):
    result = run_wrk(base, paths, connections=16, seconds=10)
    seconds = result["duration_us"] / 1e6
    errors = result["status"] + sum(result[k] for k in ("connect", "read", "write", "timeout"))
    print(
        f"  {label:<34} wrk 16 conn 10 s: {result['requests'] / seconds:.1f} req/s,"
        f" p50 {result['p50_us'] / 1000:.1f} ms, p99 {result['p99_us'] / 1000:.1f} ms,"
        f" errors {errors}"
    )
    return errors


def edit_summary(session, pk, text):
    status, _ = session.save_form(
        f"/admin/members/participant/{pk}/change/", "participant_form", {"summary": text}
    )
    return status == 302


def main():
    # No options: parsing them makes --help answer instead of starting the run.
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    password = secrets.token_urlsafe(16)
    redis = OwnRedis()
    redis.start()
    checks = {}
    try:
        with throwaway_postgres() as cluster:
            env = site_env(cluster.url, REDIS_URL=redis.url, DJANGO_PAGE_CACHE="1")
            manage(env, "collectstatic", "--noinput")
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo")
            sample = django_json(env, SAMPLE)
            (username,) = django_json(
                {**env, "WRITERS": "1", "WRITER_PASSWORD": password}, MAKE_WRITERS
            )
            paths = mixed_paths(sample)
            pk, member_page = sample["states"][1]
            with gunicorn(env, free_port(), workers=2) as base:
                print("1. Redis up")
                up = sweep(base, paths, "sweep")
                checks["up: all 200, cached"] = all(s == 200 and c == "hit" for s, c, _ in up)
                checks["up: no load errors"] = load(base, paths, "load") == 0

                print("2. Redis killed")
                redis.kill()
                down = sweep(base, paths, "sweep")
                checks["killed: all 200 from the database"] = all(
                    s == 200 and c == "-" for s, c, _ in down
                )
                checks["killed: no load errors"] = load(base, paths, "load") == 0
                session = AdminSession(base)
                session.login(username, password)
                text = f"Saved while Redis was down {secrets.token_hex(4)}."
                checks["killed: staff log in and save"] = edit_summary(session, pk, text)
                checks["killed: change seen at once"] = text in get(base + member_page)[1]

                print("3. Redis restarted, empty")
                redis.start()
                time.sleep(RETRY_WAIT)
                # Each worker that saw the outage bumps every content app's version once: then
                # all is cached.
                sweep(base, paths, "sweep (each worker bumps once)")
                back = sweep(base, paths, "sweep again")
                checks["restarted: all 200, cached again"] = all(
                    s == 200 and c == "hit" for s, c, _ in back
                )
                checks["restarted: no load errors"] = load(base, paths, "load") == 0

                print("4. Redis frozen (SIGSTOP), data kept")
                cached_before = get(base + member_page)
                redis.freeze()
                frozen = sweep(base, paths, "sweep")
                checks["frozen: all 200"] = all(s == 200 for s, _, _ in frozen)
                checks["frozen: no load errors"] = load(base, paths, "load") == 0
                text = f"Saved while Redis was frozen {secrets.token_hex(4)}."
                checks["frozen: staff save"] = edit_summary(session, pk, text)
                checks["frozen: change seen at once"] = text in get(base + member_page)[1]

                print("5. Redis thawed (SIGCONT), with pages cached before the freeze")
                redis.thaw()
                time.sleep(RETRY_WAIT)
                after = [get(base + member_page) for _ in range(4)]
                print(
                    f"  member page before the freeze was {cached_before[2]}; after the thaw:"
                    f" {[(s, c) for s, _, c, _ in after]}"
                )
                checks["thawed: the change made meanwhile is shown, not the old page"] = all(
                    s == 200 and text in body for s, body, _, _ in after
                )
                sweep(base, paths, "sweep (each worker bumps once)")
                thawed = sweep(base, paths, "sweep again")
                checks["thawed: all 200, cached again"] = all(
                    s == 200 and c == "hit" for s, c, _ in thawed
                )
    finally:
        if redis.process and redis.process.poll() is None:
            redis.thaw()
            redis.kill()
    print()
    for name, passed in checks.items():
        print(f"  {'ok ' if passed else 'FAIL'} {name}")
    ok = all(checks.values())
    print("RESULT:", "PASS" if ok else "FAIL")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
