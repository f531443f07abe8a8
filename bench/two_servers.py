"""Two app servers, one PostgreSQL, one Redis: a change saved on one shows on the other.

    .venv/bin/python bench/two_servers.py
    .venv/bin/python bench/two_servers.py --database-url postgres://postgres@127.0.0.1/db

Starts two gunicorn instances (2 workers each) on two loopback ports, both with the
page cache on and sharing one Redis database (db 6 by default) and one PostgreSQL
(a throwaway cluster unless --database-url). A publication's pages are read through
server B until B serves them from its cache; then an editor logs in to the admin on
server A over HTTP and (1) renames the publication, (2) withdraws it. After each
change the very next request to server B must show it. Prints each step; exit
status 0 when every check passes.
"""

import argparse
import html.parser
import http.cookies
import secrets
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from urllib.parse import urlsplit

from _support import PROJECT, PYTHON, free_port, gunicorn, manage, site_env, throwaway_postgres

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/6"
SLUG = "dulat-bakishev-cica-is-not-a-panacea-for-all-sores"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Browser:
    """Keeps cookies by hand: the site marks them Secure, and this runs over plain HTTP."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if data is not None:
            headers["Referer"] = self.base + path  # Django checks it on form posts
            data = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            response = OPENER.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            self.cookies |= {key: morsel.value for key, morsel in cookie.items()}
        return response.status, dict(response.headers), response.read().decode()


class FormReader(html.parser.HTMLParser):
    """The fields of the first form with the given id, as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and attrs.get("name") and attrs.get("type") not in ("file", "submit"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs.get("name"), ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # HTML drops one newline right after <textarea>; the parser keeps it.
            name, value = self._textarea
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(page, form_id):
    reader = FormReader(form_id)
    reader.feed(page)
    return reader.fields


def check(label, ok, detail=""):
    print(f"  [{'PASS' if ok else 'FAIL'}] {label}{': ' + detail if detail else ''}", flush=True)
    return ok


def read_twice(base, path):
    """Two anonymous reads of a page on one server: (status, body, cache header) of each."""
    reads = []
    for _ in range(2):
        status, headers, body = Browser(base).request(path)
        reads.append((status, body, headers.get("X-Page-Cache", "-")))
    return reads


def list_page_showing(base, kind, year, detail, last_page=500):
    """The path of the publication list's page (filtered by kind and year) that links to
    detail, read (and so cached) twice; None if no page does."""
    for number in range(1, last_page + 1):
        path = f"/publications/?kind={kind}&year={year}&page={number}"
        status, body, _ = read_twice(base, path)[0]
        if status != 200:
            return None
        if f'href="{detail}"' in body:
            return path
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="use this database instead of a throwaway one")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    args = parser.parse_args()
    password = secrets.token_urlsafe(16)
    results = []
    with ExitStack() as stack:
        cluster = None if args.database_url else stack.enter_context(throwaway_postgres())
        env = site_env(args.database_url or cluster.url, REDIS_URL=args.redis_url)
        redis_db = urlsplit(args.redis_url).path.strip("/") or "0"
        subprocess.run(["redis-cli", "-n", redis_db, "FLUSHDB"], check=True, capture_output=True)
        print("Preparing the database (migrate, demo data, an editor account)", flush=True)
        for command in (["collectstatic", "--noinput"], ["migrate", "--noinput"], ["load_demo"]):
            manage(env, *command)
        create_user = (
            "from django.contrib.auth import get_user_model; "
            "User = get_user_model(); User.objects.filter(username='two-servers').delete(); "
            f"User.objects.create_superuser('two-servers', 'bench@example.org', '{password}')"
        )
        find_pk = (
            "from publications.models import Publication; "
            f"p = Publication.objects.get(slug='{SLUG}'); "
            "print(p.pk, p.kind, p.posted_on.year)"
        )
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", create_user], cwd=PROJECT, env=env, check=True
        )
        found = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", find_pk],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-3:]
        pk, kind, year = found
        server_a = stack.enter_context(gunicorn(env, free_port()))
        server_b = stack.enter_context(gunicorn(env, free_port()))
        print(f"Server A {server_a}, server B {server_b}, Redis {args.redis_url}", flush=True)
        detail = f"/publications/{SLUG}/"

        print("1. Server B caches the pages")
        first, second = read_twice(server_b, detail)
        results.append(check("B serves the detail page", first[0] == 200, first[2]))
        results.append(check("B's second read comes from the cache", second[2] == "hit"))
        # The list page that shows it: the first on the demo data, further on in a
        # seeded archive (thousands of publications a year).
        listing = list_page_showing(server_b, kind, year, detail)
        results.append(check("B's list shows it", listing is not None, listing or ""))
        listing = listing or "/publications/"

        print("2. An editor renames the publication in the admin of server A")
        editor = Browser(server_a)
        _, _, login_page = editor.request("/admin/login/")
        login = dict(form_fields(login_page, "login-form"))
        login |= {"username": "two-servers", "password": password, "next": "/admin/"}
        status, headers, _ = editor.request("/admin/login/", login)
        results.append(check("logged in on A", status == 302, headers.get("Location", "")))
        change_url = f"/admin/publications/publication/{pk}/change/"
        _, _, form_page = editor.request(change_url)
        fields = [(k, v) for k, v in form_fields(form_page, "publication_form") if k != "title"]
        new_title = "Renamed through server A"
        status, headers, body = editor.request(
            change_url, [*fields, ("title", new_title), ("_save", "Save")]
        )
        results.append(check("A saved the change", status == 302, f"HTTP {status}"))
        status, body, cache = read_twice(server_b, detail)[0]
        results.append(
            check(
                "B's next request shows the new title", new_title in body, f"X-Page-Cache {cache}"
            )
        )
        _, body, _ = read_twice(server_b, listing)[0]
        results.append(check("B's list shows it too", new_title in body))

        print("3. The editor withdraws it on server A")
        _, _, list_page = editor.request("/admin/publications/publication/?q=panacea")
        action = dict(form_fields(list_page, "changelist-form"))
        status, _, _ = editor.request(
            "/admin/publications/publication/?q=panacea",
            {
                "csrfmiddlewaretoken": action["csrfmiddlewaretoken"],
                "action": "unpublish_selected",
                "select_across": "0",
                "index": "0",
                "_selected_action": pk,
            },
        )
        results.append(check("A ran the action", status == 302, f"HTTP {status}"))
        status, _, cache = read_twice(server_b, detail)[0]
        results.append(check("B's next request: the page is gone", status == 404, f"HTTP {status}"))
        _, body, _ = read_twice(server_b, listing)[0]
        results.append(check("B's list no longer shows it", new_title not in body))
    passed = all(results)
    print(f"RESULT: {'PASS' if passed else 'FAIL'} ({sum(results)}/{len(results)} checks)")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
