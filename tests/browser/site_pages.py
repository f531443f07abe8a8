"""One URL of each public page type, from the demo data (load_demo)."""

PLAN = "/plans/smes-action-plan-2016-2018/"  # its approval is linked to a recorded meeting
MEETING = "/events/soc-smes-action-plan-2016-01-13/"
PUBLICATION = "/publications/dulat-bakishev-cica-is-not-a-panacea-for-all-sores/"

# (screenshot name, path, expected status), grouped by section so that a test loads the demo
# data once for several pages.
PUBLIC_PAGES = [
    ("home", "/", 200),
    ("members", "/members/", 200),
    ("member-state", "/members/kazakhstan/", 200),
    ("plans", "/plans/", 200),
    ("plans-filtered", "/plans/?dimension=economic&status=approved_soc", 200),
    ("plan", PLAN, 200),
    ("status-board", "/plans/status/", 200),
    ("events", "/events/", 200),
    ("events-past", "/events/past/", 200),
    ("event", MEETING, 200),
    ("events-month", "/events/2016/1/", 200),
    ("publications", "/publications/", 200),
    ("publication", PUBLICATION, 200),
    ("search", "/search/?q=panacea", 200),
    ("about", "/about/", 200),
    ("about-structure", "/about/structure/", 200),
    ("about-secretariat", "/about/secretariat/", 200),
    ("api", "/api/", 200),
    ("not-found", "/no-such-page/", 404),
]

SECTIONS = {
    "site": ["home", "search", "about", "about-structure", "about-secretariat", "api", "not-found"],
    "members": ["members", "member-state"],
    "plans": ["plans", "plans-filtered", "plan", "status-board"],
    "events": ["events", "events-past", "event", "events-month"],
    "publications": ["publications", "publication"],
}


# English at its own addresses, Russian under /ru/ (the same page in the other language).
LANGUAGES = ("en", "ru")


def in_language(path, language):
    return path if language == "en" else f"/{language}{path}"


def pages_of(section, language="en"):
    """(screenshot name, path, status) of a section's pages in ``language``; the Russian
    screenshots are named ``<page>-ru``."""
    suffix = "" if language == "en" else f"-{language}"
    return [
        (name + suffix, in_language(path, language), status)
        for name, path, status in PUBLIC_PAGES
        if name in SECTIONS[section]
    ]
