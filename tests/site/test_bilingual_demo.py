"""The demo data in Russian where a source gives it: CLDR state names, CICA's dimension names."""

import pytest
from babel import Locale

from members import demo as members_demo
from members.models import Participant
from plans import demo as plans_demo
from plans.models import Dimension

pytestmark = pytest.mark.django_db


def test_states_get_their_cldr_russian_names_and_dimensions_cicas_own():
    members_demo.load()
    plans_demo.load()
    kazakhstan = Participant.objects.get(iso_code="KZ")
    assert kazakhstan.name_en == "Kazakhstan"
    assert kazakhstan.name_ru == Locale("ru").territories["KZ"] == "Казахстан"
    assert not Participant.objects.states().filter(name_ru__isnull=True).exists()
    # Organisations have no CLDR name: no Russian is invented for them.
    assert not Participant.objects.organisations().exclude(name_ru__isnull=True).exists()
    assert Dimension.objects.get(name_en="Economic dimension").name_ru == "Экономическое измерение"
    assert set(Dimension.objects.values_list("name_ru", flat=True)) >= {
        "Военно-политическое измерение",
        "Борьба с новыми вызовами и угрозами",
    }
    # A second load changes nothing.
    before = list(Participant.objects.values_list("name_en", "name_ru"))
    members_demo.load()
    assert list(Participant.objects.values_list("name_en", "name_ru")) == before
