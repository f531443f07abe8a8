"""What the admin shows each person: content for staff, machinery for superusers only,
the About pages under that name, the Secretariat's name on every page."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from core.staff.roles import EDITOR, PUBLISHER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MACHINERY = [
    ("sites", "site", "Sites"),
    ("axes", "accessattempt", "Access attempts"),
    ("axes", "accesslog", "Access logs"),
]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def staff(role):
    user = UserFactory(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def staff_with_every_permission():
    user = UserFactory(username="trusted", is_staff=True)
    user.user_permissions.set(Permission.objects.all())
    return user


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER])
def test_staff_home_shows_content_not_machinery(role):
    html = logged_in(staff(role)).get(reverse("admin:index")).content.decode()
    for _app, _model, name in MACHINERY:
        assert name not in html
    assert "Flat pages" not in html
    assert "About pages" in html and "Plans" in html


@pytest.mark.parametrize("app, model, name", MACHINERY)
def test_machinery_is_closed_even_to_staff_given_every_permission(app, model, name):
    client = logged_in(staff_with_every_permission())
    assert name not in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 403
    assert client.get(reverse("admin:app_list", args=[app])).status_code == 404


@pytest.mark.parametrize("app, model, name", MACHINERY)
def test_superusers_keep_the_machinery(app, model, name):
    client = logged_in(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert name in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200


def test_about_pages_are_called_so_on_their_own_pages():
    client = logged_in(staff(PUBLISHER))
    changelist = client.get(reverse("admin:flatpages_flatpage_changelist")).content.decode()
    add = client.get(reverse("admin:flatpages_flatpage_add")).content.decode()
    for html in (changelist, add):
        assert "About pages" in html
        assert "flat page" not in html.lower()
    assert "Add About page" in add


def test_the_admin_is_the_secretariats():
    client = logged_in(staff(EDITOR))
    for url in (reverse("admin:index"), reverse("admin:plans_plan_changelist")):
        html = client.get(url).content.decode()
        assert "CICA Secretariat" in html
        assert "Django administration" not in html
    login = Client().get(reverse("admin:login")).content.decode()
    assert "CICA Secretariat" in login and "Django administration" not in login


def test_publish_at_names_the_time_zone(settings):
    client = logged_in(staff(PUBLISHER))
    html = client.get(reverse("admin:plans_plan_add")).content.decode()
    assert "time zone (Asia/Almaty)" in html
