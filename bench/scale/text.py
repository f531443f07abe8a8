"""Words for synthetic content: plain, varied enough for search, never passed off as real.

Every title starts with "Synthetic" and every slug with "synthetic-", so no page can
show a generated item as one of CICA's own.
"""

TITLE_PREFIX = "Synthetic"
SLUG_PREFIX = "synthetic-"

TOPICS = [
    "water security",
    "food security",
    "energy efficiency",
    "border management",
    "drug trafficking",
    "cybersecurity",
    "tourism",
    "small and medium enterprises",
    "disaster management",
    "environmental protection",
    "transport corridors",
    "youth exchange",
    "information technology",
    "migration",
    "renewable energy",
    "cultural heritage",
    "public health",
    "trade facilitation",
    "education",
    "counter-terrorism",
]

SENTENCES = [
    "This synthetic text stands in for a real {noun} on {topic}.",
    "It was generated for performance testing and describes nothing that happened.",
    "Member states would exchange experience on {topic} and agree on next steps.",
    "The Secretariat would prepare a report on {topic} for the Senior Officials Committee.",
    "Experts would meet twice a year to review progress in {topic}.",
    "A working group would draft recommendations on {topic} for the ministers.",
]

CITIES = [f"Synthetic city {number}" for number in range(1, 41)]
VENUES = [f"Synthetic venue {number}" for number in range(1, 21)]
TIME_ZONES = [
    "Asia/Almaty",
    "Asia/Shanghai",
    "Asia/Kolkata",
    "Asia/Tehran",
    "Europe/Istanbul",
    "Asia/Bangkok",
    "Asia/Baku",
    "Asia/Dushanbe",
]


def paragraph(rng, topic, noun, sentences=3):
    picked = rng.sample(SENTENCES, sentences)
    return " ".join(sentence.format(topic=topic, noun=noun) for sentence in picked)


def markdown_body(rng, topic, noun):
    """A short Markdown body with a heading and a list, like a real publication."""
    return (
        f"{paragraph(rng, topic, noun)}\n\n"
        f"## {topic.capitalize()}\n\n"
        f"- {paragraph(rng, topic, noun, 1)}\n"
        f"- {paragraph(rng, topic, noun, 1)}\n\n"
        f"{paragraph(rng, topic, noun, 2)}"
    )
