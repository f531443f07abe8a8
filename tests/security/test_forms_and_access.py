"""CSRF on every form, the admin for staff only, no open redirects, login throttling."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import StaffUserFactory, UserFactory

from .test_hostile_query import PAGES

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Where a "next" parameter could try to send a freshly logged-in (or out) user.
OFF_SITE = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "https:evil.example",
    "http:/evil.example",
    " //evil.example",
    "\t//evil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "http://testserver@evil.example/",
    "https://evil.example\\@testserver/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]
# Values for the arguments of admin URLs: the view never runs when CSRF refuses.
ADMIN_URL_ARGUMENTS = {"app_label": "members", "content_type_id": "1"}


def assert_on_site(response, base="http://testserver/admin/login/"):
    """Where a browser would go: it drops tabs and newlines, leading spaces, and reads a
    backslash as a slash."""
    location = response["Location"]
    browser_view = re.sub(r"[\t\n\r]", "", location).lstrip(" \x00").replace("\\", "/")
    target = urlsplit(urljoin(base, browser_view))
    assert target.scheme in ("http", "https") and target.netloc == "testserver", location


def admin_paths():
    """A concrete path for every URL of the admin site, each model admin's included."""
    paths = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                regex = pattern.pattern.regex
                name = f"{namespace}:{pattern.name}"
                if regex.groupindex:
                    kwargs = {key: ADMIN_URL_ARGUMENTS.get(key, "1") for key in regex.groupindex}
                    paths.add(reverse(name, kwargs=kwargs))
                else:
                    paths.add(reverse(name, args=["1"] * regex.groups))

    walk(admin.site.get_urls(), "admin")
    return sorted(paths)


SAFE_METHODS = {"get", "head", "options"}


def accepted_methods(callback):
    """The HTTP methods a view answers: a REST framework viewset's actions, an APIView's
    handlers; None for any other view (it may take any method)."""
    if getattr(callback, "actions", None):
        return set(callback.actions) | {"head", "options"}
    view_class = getattr(callback, "cls", None)
    if view_class is None:
        return None
    return {method for method in view_class.http_method_names if hasattr(view_class, method)}


def test_no_view_that_takes_a_write_is_exempt_from_csrf():
    """REST framework marks its views csrf_exempt (it checks CSRF in session
    authentication instead); ours are read-only and anonymous, so that is allowed only
    for views that answer nothing but safe methods."""

    def callbacks(resolver):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from callbacks(pattern)
            else:
                yield pattern

    exempt = [
        pattern
        for pattern in callbacks(get_resolver())
        if getattr(pattern.callback, "csrf_exempt", False)
    ]
    assert exempt, "the API's views are expected here; is the API still routed?"
    writable = [
        str(pattern.pattern)
        for pattern in exempt
        if not (accepted_methods(pattern.callback) or {"post"}) <= SAFE_METHODS
    ]
    assert writable == []


def test_the_api_refuses_writes():
    for method in ("post", "put", "patch", "delete"):
        response = getattr(Client(), method)("/api/v1/plans/")
        assert response.status_code == 405, method


def test_admin_login_refuses_a_post_without_token_and_accepts_one_with_it():
    UserFactory(username="clerk", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    credentials = {"username": "clerk", "password": PASSWORD}
    assert client.post("/admin/login/", credentials).status_code == 403
    token = TOKEN.search(client.get("/admin/login/").content.decode()).group(1)
    response = client.post("/admin/login/", {**credentials, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_every_admin_url_refuses_a_post_without_token(small_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffUserFactory(username="boss"))
    paths = admin_paths()
    assert "/admin/publications/publication/add/" in paths
    assert "/admin/plans/plan/1/status/" in paths
    for path in paths:
        assert client.post(path, {"name": "x", "_save": "1"}).status_code == 403, path


@pytest.mark.parametrize(
    "model", ["publications.publication", "members.participant", "plans.plan", "events.event"]
)
def test_admin_change_forms_need_the_token(small_site, model):
    """With the token the form is processed (here: refused as incomplete), without it not."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffUserFactory(username="boss"))
    app_label, model_name = model.split(".")
    obj = admin.site._registry[
        next(m for m in admin.site._registry if m._meta.label_lower == model)
    ].model._default_manager.first()
    url = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])
    assert client.post(url, {"_save": "1"}).status_code == 403
    token = TOKEN.search(client.get(url).content.decode()).group(1)
    response = client.post(url, {"_save": "1", "csrfmiddlewaretoken": token})
    assert response.status_code == 200  # the form again, with its errors
    assert "errornote" in response.content.decode()


def test_public_pages_have_no_post_forms_and_their_get_forms_need_no_token(small_site):
    client = Client(enforce_csrf_checks=True)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        if "html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        methods = re.findall(r"<form\b[^>]*>", html, flags=re.I)
        assert all(re.search(r'method="get"', form, flags=re.I) for form in methods), path
        assert "csrfmiddlewaretoken" not in html, path
    filtered = client.get("/plans/", {"kind": "action_plan", "sort": "title"})
    assert filtered.status_code == 200
    assert client.get("/search/", {"q": "summit"}).status_code == 200


def test_a_post_to_a_public_page_is_refused_cleanly(small_site):
    client = Client(enforce_csrf_checks=True)
    for path in PAGES:
        assert client.post(path, {"q": "x"}).status_code == 403, path
    relaxed = Client()
    for path in ("/", "/members/", "/plans/", "/events/", "/publications/", "/search/"):
        assert relaxed.post(path, {"q": "x"}).status_code == 405, path


def test_admin_is_for_staff_only(small_site, client):
    anonymous = client.get("/admin/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    client.force_login(UserFactory(username="visitor", is_staff=False))
    for path in admin_paths():
        if path in ("/admin/login/", "/admin/logout/", "/admin/jsi18n/"):
            continue
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path


def test_staff_without_permissions_see_no_content(small_site, client):
    client.force_login(UserFactory(username="newcomer", is_staff=True))
    assert client.get("/admin/").status_code == 200
    for model in ("publications/publication", "members/participant", "plans/plan"):
        assert client.get(f"/admin/{model}/").status_code == 403, model
        assert client.get(f"/admin/{model}/add/").status_code == 403, model
    assert client.get("/admin/members/participant/export.csv").status_code == 403


def test_a_deactivated_account_loses_the_admin(small_site, client):
    user = StaffUserFactory(username="leaver")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_next_never_leaves_the_site(client, target):
    UserFactory(username="clerk", is_staff=True)
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "clerk", "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert_on_site(response)
    # Already logged in: the login page sends staff on, still to this site.
    again = client.get("/admin/login/", {"next": target})
    assert again.status_code == 302
    assert_on_site(again)


@pytest.mark.parametrize("target", OFF_SITE)
def test_logout_next_never_leaves_the_site(client, target):
    client.force_login(StaffUserFactory(username="boss"))
    response = client.post(f"/admin/logout/?next={target}", {"next": target})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert_on_site(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example",
        "//evil.example/members",
        "/\\evil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        "/members//evil.example",
        "/about//evil.example",
        "/admin//evil.example",
        "/events/2024/1",
    ],
)
def test_slash_redirects_stay_on_the_site(small_site, client, path):
    """APPEND_SLASH and the About pages add a slash; the result must stay a local path."""
    # PATH_INFO as a server passes it: the test client would read "//host" as a host.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code in (301, 302, 404), path
    if response.status_code in (301, 302):
        assert_on_site(response)


def test_no_language_switch_view_to_abuse(client):
    assert client.post("/i18n/setlang/", {"next": "https://evil.example/"}).status_code == 404


def test_admin_change_redirects_keep_the_changelist_filters_local(small_site):
    client = Client()
    client.force_login(StaffUserFactory(username="boss"))
    participant = small_site["observer"]
    url = reverse("admin:members_participant_delete", args=[participant.pk])
    response = client.post(f"{url}?_changelist_filters=next%3D%2F%2Fevil.example", {"post": "yes"})
    assert response.status_code == 302
    assert_on_site(response)


def test_login_throttling_locks_one_account_from_one_address(client, settings):
    """As tests/staff/test_workflow_members.py, with another account and the bystanders."""
    UserFactory(username="throttled-editor", is_staff=True)
    UserFactory(username="bystander", is_staff=True)
    statuses = [
        client.post("/admin/login/", {"username": "throttled-editor", "password": "guess"})
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [r.status_code for r in statuses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = client.post("/admin/login/", {"username": "throttled-editor", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by someone guessing.
    other = client.post("/admin/login/", {"username": "bystander", "password": PASSWORD})
    assert other.status_code == 302
    # The same account from another address is not locked either.
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    ok = elsewhere.post("/admin/login/", {"username": "throttled-editor", "password": PASSWORD})
    assert ok.status_code == 302


def test_editor_role_cannot_delete(small_site, client):
    """Deleting stays with superusers (core/staff/roles.py)."""
    editor = UserFactory(username="editor", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_participant", "change_participant"])
    )
    client.force_login(editor)
    participant = small_site["observer"]
    url = reverse("admin:members_participant_delete", args=[participant.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
