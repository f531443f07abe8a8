"""Member states grouped by the sub-regions of the UN geoscheme (M49).

The classification is the UN Statistics Division's, copied into data/un_m49_subregions.json;
a state whose code is not there is shown as "not classified" rather than guessed.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).parent / "data" / "un_m49_subregions.json"
UNCLASSIFIED = "unclassified"

# Translatable names, by M49 code; the data file gives the English ones for reference.
SUBREGION_NAMES = {
    "015": _("Northern Africa"),
    "151": _("Eastern Europe"),
    "145": _("Western Asia"),
    "143": _("Central Asia"),
    "034": _("Southern Asia"),
    "030": _("Eastern Asia"),
    "035": _("South-eastern Asia"),
    "021": _("Northern America"),
    UNCLASSIFIED: _("Not classified"),
}


@dataclass
class RegionGroup:
    code: str
    name: str
    states: list = field(default_factory=list)


@cache
def subregion_codes():
    """{ISO alpha-2 code: M49 sub-region code} and the sub-regions in west-to-east order."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    by_country = {}
    for subregion in data["subregions"]:
        for country in subregion["countries"]:
            by_country[country] = subregion["code"]
    return by_country, [subregion["code"] for subregion in data["subregions"]]


def group_by_subregion(states):
    """[RegionGroup] of the states, regions west to east, states by name; empty regions left out."""
    by_country, order = subregion_codes()
    groups = {code: RegionGroup(code, SUBREGION_NAMES[code]) for code in [*order, UNCLASSIFIED]}
    for state in sorted(states, key=lambda state: state.name):
        code = by_country.get((state.iso_code or "").upper(), UNCLASSIFIED)
        groups[code].states.append(state)
    return [group for group in groups.values() if group.states]
