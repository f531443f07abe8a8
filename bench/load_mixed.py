"""64 connections for 60 s on a mix of pages, first reads only, then while staff save.

    .venv/bin/python bench/load_mixed.py    # 64 connections, 2 x 60 s, 24 writers, each every 6 s
    .venv/bin/python bench/load_mixed.py --seconds 10 --min-saves 20   # a short smoke run

Loopback only, bounded: a throwaway PostgreSQL cluster (never the shared one), gunicorn
with 2 workers, the page cache on the local Redis (db 4, flushed first) and the demo
data. wrk (bench/mixed_pages.lua) rotates through 16 public URLs while staff writers,
each logged in to the admin over HTTP, create publications and edit member states
through the real forms (CSRF token, edit-conflict version and inlines read from the
page). The same wrk run is made twice in one run of the site, reads only and then with
the writers, and the throughput of the second is given as a share of the first (issue
19: at least half). Afterwards: wrk must report no non-2xx/3xx answer and no socket
error, and every save the admin confirmed must be in the database (history included)
and visible to an anonymous visitor, through the page cache.
"""

import argparse
import json
import secrets
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from _admin_forms import AdminSession
from _support import (
    PROJECT,
    django_json,
    fetch,
    free_port,
    gunicorn,
    manage,
    site_env,
    throwaway_postgres,
)

REDIS_URL = "redis://127.0.0.1:6379/4"
LUA_SCRIPT = PROJECT / "bench" / "mixed_pages.lua"
RUN = secrets.token_hex(3)


SAMPLE = """
import json
from events.models import Event
from members.models import Participant
from plans.models import Plan
from publications.models import Publication
plan = Plan.objects.published().order_by("pk").first()
event = Event.objects.published().order_by("-start_date").first()
states = Participant.objects.published().states().members().order_by("pk")
print(json.dumps({
    "plan": plan.get_absolute_url(), "dimension": plan.dimension.slug,
    "event": event.get_absolute_url(),
    "publication": Publication.objects.published().order_by("pk").first().get_absolute_url(),
    "states": [[s.pk, s.get_absolute_url()] for s in states],
}))
"""

MAKE_WRITERS = """
import json, os
from django.contrib.auth import get_user_model
names = []
for number in range(int(os.environ["WRITERS"])):
    name = f"bench-writer-{number}"
    get_user_model().objects.create_superuser(name, "", os.environ["WRITER_PASSWORD"])
    names.append(name)
print(json.dumps(names))
"""


def mixed_paths(sample):
    return [
        "/",
        "/members/",
        sample["states"][0][1],
        "/plans/",
        f"/plans/?dimension={sample['dimension']}",
        sample["plan"],
        "/plans/status/",
        "/events/",
        "/events/past/",
        sample["event"],
        "/events/calendar.ics",
        "/publications/",
        sample["publication"],
        "/publications/feed/rss/",
        "/search/?q=summit",
        "/sitemap.xml",
    ]


class Writer(threading.Thread):
    """Alternates: a new publication, an edit of one of its own member states."""

    def __init__(self, number, base, username, password, states, load_over, pace):
        super().__init__(daemon=True)
        self.first_save, self.save_every = pace  # seconds after the start; between saves
        self.number, self.base = number, base
        self.username, self.password = username, password
        self.states = states  # this writer's own: two writers never edit the same state
        self.load_over = load_over
        self.saves = []  # dicts: kind, marker, url, status, committed, during_load
        self.error = None

    def log_in(self):
        # Before the load: a login hashes the password (slow on purpose) and would hold a
        # worker while 64 visitors wait.
        self.session = AdminSession(self.base)
        self.session.login(self.username, self.password)

    def run(self):
        session = self.session
        try:
            step = 0
            next_save = time.monotonic() + self.first_save
            while not self.load_over.wait(max(0.0, next_save - time.monotonic())):
                next_save += self.save_every
                step += 1
                during_load = not self.load_over.is_set()
                marker = f"Load {RUN} writer {self.number} save {step}"
                if step % 2:
                    record = self.new_publication(session, marker, step)
                else:
                    record = self.edit_state(session, marker, step)
                record["during_load"] = during_load
                self.saves.append(record)
        except Exception as error:  # noqa: BLE001 - reported in the summary
            self.error = repr(error)

    def new_publication(self, session, marker, step):
        slug = f"load-{RUN}-w{self.number}-{step}"
        status, location = session.save_form(
            "/admin/publications/publication/add/",
            "publication_form",
            {
                "kind": "news",
                "title": marker,
                "slug": slug,
                "standfirst": f"{marker}: standfirst.",
                "body": f"{marker}: body.",
                "publication_status": "published",
            },
        )
        committed = status == 302 and "/add/" not in (location or "")
        return {
            "kind": "publication",
            "marker": marker,
            "url": f"/publications/{slug}/",
            "status": status,
            "committed": committed,
        }

    def edit_state(self, session, marker, step):
        pk, url = self.states[(step // 2) % len(self.states)]
        status, location = session.save_form(
            f"/admin/members/participant/{pk}/change/",
            "participant_form",
            {"summary": f"{marker}: summary."},
        )
        committed = status == 302 and "/change/" not in (location or "")
        return {
            "kind": "participant",
            "pk": pk,
            "marker": marker,
            "url": url,
            "status": status,
            "committed": committed,
        }


def run_wrk(base, paths, connections, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths_file:
        paths_file.write("\n".join(paths) + "\n")
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA_SCRIPT),
        base,
        "--",
        paths_file.name,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    Path(paths_file.name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("WRK-JSON "))
    return json.loads(line.removeprefix("WRK-JSON "))


VERIFY = """
import json, os
from members.models import Participant
from publications.models import Publication
saves = json.loads(open(os.environ["SAVES_FILE"]).read())
published = set(Publication.objects.published().values_list("title", flat=True))
history = set(Participant.history.values_list("summary", flat=True))
current = dict(Participant.objects.values_list("pk", "summary"))
found = []
for save in saves:
    if save["kind"] == "publication":
        found.append(save["marker"] in published)
    else:
        found.append(save["marker"] + ": summary." in history)
last = {}
for save in saves:
    if save["kind"] == "participant":
        last[save["pk"]] = save["marker"] + ": summary."
print(json.dumps({"in_database": found,
                  "latest_is_current": all(current[pk] == text for pk, text in last.items())}))
"""


def visible_to_visitors(base, saves):
    """Each committed save as an anonymous visitor sees it (page cache included)."""
    last_edit = {}
    for save in saves:
        if save["kind"] == "participant":
            last_edit[save["url"]] = save
    visible = 0
    for save in saves:
        if save["kind"] == "participant" and last_edit[save["url"]] is not save:
            # An older edit of the same state: its text is in the history, not on the page.
            visible += 1
            continue
        status, body = fetch(base + save["url"])
        visible += status == 200 and save["marker"] in body
    return visible


def throughput(result):
    return result["requests"] / (result["duration_us"] / 1e6)


def socket_errors(result):
    return sum(result[key] for key in ("connect", "read", "write", "timeout"))


def print_load(label, result):
    seconds = result["duration_us"] / 1e6
    print(
        f"  {label}: {result['requests']} requests in {seconds:.0f} s, "
        f"{throughput(result):.1f} req/s"
    )
    print(
        f"    latency: p50 {result['p50_us'] / 1000:.1f} ms, p90 {result['p90_us'] / 1000:.1f} ms,"
        f" p99 {result['p99_us'] / 1000:.1f} ms, max {result['max_us'] / 1000:.1f} ms"
    )
    print(
        f"    non-2xx/3xx answers: {result['status']}, socket errors: {socket_errors(result)} "
        f"(connect {result['connect']}, read {result['read']}, write {result['write']}, "
        f"timeout {result['timeout']})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="of each phase")
    parser.add_argument("--connections", type=int, default=64)
    # 24 staff each saving every 6 s: 4 saves a second, 240 in a minute.
    parser.add_argument("--writers", type=int, default=24, help="0: the read-only phase only")
    # A fixed pace, so that every commit is measured under the same load. Writers that save
    # as fast as the server answers measure the admin's cost instead: once the cache stopped
    # emptying everything on a save they went from about 3 to 18 saves a second.
    parser.add_argument(
        "--save-every", type=float, default=6.0, help="seconds between a writer's saves"
    )
    parser.add_argument("--min-saves", type=int, default=200)
    parser.add_argument(
        "--min-ratio",
        type=float,
        default=0.5,
        help="least throughput with writers, as a share of the read-only phase (issue 19)",
    )
    parser.add_argument("--no-page-cache", action="store_true", help="for comparison")
    args = parser.parse_args()

    password = secrets.token_urlsafe(16)
    with throwaway_postgres() as cluster:
        page_cache = "0" if args.no_page_cache else "1"
        env = site_env(cluster.url, REDIS_URL=REDIS_URL, DJANGO_PAGE_CACHE=page_cache)
        subprocess.run(["redis-cli", "-n", "4", "FLUSHDB"], check=True, capture_output=True)
        manage(env, "collectstatic", "--noinput")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        sample = django_json(env, SAMPLE)
        writers_env = {**env, "WRITERS": str(args.writers), "WRITER_PASSWORD": password}
        usernames = django_json(writers_env, MAKE_WRITERS)
        paths = mixed_paths(sample)
        with gunicorn(env, free_port(), workers=2) as base:
            for path in paths:  # every page answers before the load starts
                status, _ = fetch(base + path)
                assert status == 200, (path, status)
            load_over = threading.Event()
            states = sample["states"][1:]
            writers = [
                Writer(
                    n,
                    base,
                    name,
                    password,
                    states[n :: args.writers],
                    load_over,
                    # Spread over one interval, not all in the same second.
                    pace=(args.save_every * n / args.writers, args.save_every),
                )
                for n, name in enumerate(usernames)
            ]
            for writer in writers:
                writer.log_in()

            print(f"1. Reads only: {args.connections} connections, {args.seconds} s", flush=True)
            read_only = run_wrk(base, paths, args.connections, args.seconds)
            with_writers, saves, committed = None, [], []
            if writers:
                print(f"2. The same reads while {len(writers)} staff save", flush=True)
                for writer in writers:
                    writer.start()
                started = time.monotonic()
                with_writers = run_wrk(base, paths, args.connections, args.seconds)
                load_over.set()
                for writer in writers:
                    writer.join(timeout=120)
                elapsed = time.monotonic() - started

                saves = [save for writer in writers for save in writer.saves]
                committed = [save for save in saves if save["committed"]]
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as saves_file:
                    json.dump(committed, saves_file)
                check = django_json({**env, "SAVES_FILE": saves_file.name}, VERIFY)
                Path(saves_file.name).unlink()
                visible = visible_to_visitors(base, committed)

    cache = "off" if args.no_page_cache else "on"
    print(f"\nMixed load: 16 URLs, gunicorn 2 workers, page cache {cache}")
    print_load("reads only", read_only)
    checks = {"reads only: no errors": read_only["status"] == 0 and not socket_errors(read_only)}
    if with_writers:
        print_load(f"with {len(writers)} staff saving", with_writers)
        ratio = throughput(with_writers) / throughput(read_only)
        print(f"  throughput with writers / reads only: {ratio:.2f} (target >= {args.min_ratio})")
        during_load = sum(save["during_load"] for save in saves)
        in_database = sum(check["in_database"])
        print(
            f"  saves: {len(saves)} attempted ({during_load} during the load, "
            f"{len(saves) / elapsed:.1f}/s), {len(committed)} committed, "
            f"{in_database} in the database, {visible} visible to visitors; "
            f"latest edits current: {check['latest_is_current']}"
        )
        for writer in writers:
            if writer.error:
                print(f"  writer {writer.number} stopped: {writer.error}")
        refused = [save for save in saves if not save["committed"]]
        for save in refused[:5]:
            print(f"  not saved: {save['kind']} {save['marker']} -> HTTP {save['status']}")
        checks |= {
            "with writers: no errors": with_writers["status"] == 0
            and not socket_errors(with_writers),
            "every save committed, none refused": not refused
            and not any(writer.error for writer in writers),
            f"at least {args.min_saves} saves": len(committed) >= args.min_saves,
            "every save in the database and visible": in_database == len(committed) == visible
            and check["latest_is_current"],
            f"throughput with writers >= {args.min_ratio} of reads only": ratio >= args.min_ratio,
        }
    for name, passed in checks.items():
        print(f"  {'ok ' if passed else 'FAIL'} {name}")
    ok = all(checks.values())
    print("RESULT:", "PASS" if ok else "FAIL")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
