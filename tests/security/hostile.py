"""Hostile values, how to put them in a URL, and what every answer to them must look like."""

import xml.etree.ElementTree as ET
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

# Whatever the input: a page, a redirect, "not modified", "bad request" or "not found".
SANE_STATUSES = {200, 301, 302, 304, 400, 404}

# Markup payloads. {m} is a marker unique to the example; the right-hand side is what must
# never reach an HTML or XML body verbatim (escaped, it reads &lt;script&gt; or &quot;).
MARKUP_PAYLOADS = [
    ("<script>{m}</script>", "<script>{m}"),
    ('"><svg onload={m}>', "<svg onload={m}"),
    ("'><img src=x onerror={m}>", "<img src=x onerror={m}"),
    ("</title></textarea><b id={m}>", "<b id={m}"),
    ('" autofocus onfocus="{m}', '" autofocus onfocus="{m}'),
    ("' autofocus onfocus='{m}", "' autofocus onfocus='{m}"),
    ("javascript:{m}", 'href="javascript:{m}'),
    ("<!--{m}", "<!--{m}"),
    ("]]><x{m}/>", "<x{m}/>"),
]

SQL_FRAGMENTS = [
    "' OR '1'='1",
    "1' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE members_participant; --",
    "' UNION SELECT username, password FROM auth_user --",
    "%' AND 1=0 UNION SELECT NULL --",
    "\\'; SELECT pg_sleep(5); --",
    "1) OR (1=1",
    "%",
    "_",
    "\\",
    "'",
    '"',
    ";",
]

# Not dates, or dates that do not exist.
BAD_DATES = [
    "2024-02-30",
    "2023-13-01",
    "0000-00-00",
    "9999-99-99",
    "-0001-01-01",
    "1e10",
    "NaN",
    "inf",
    "-inf",
    "0x7e9",
    "2024/01/01",
    "²⁰²⁴",
    "٢٠٢٤",
]

NUMBERS = [
    "0",
    "-1",
    "-0",
    "+1",
    " 1",
    "1.5",
    "1e3",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "-9223372036854775809",
    "1" + "0" * 100,
    "9" * 5000,  # beyond Python's int() digit limit
]

# As raw bytes: NUL, control characters, non-UTF-8 and overlong encodings.
RAW_BYTES = [
    b"\x00",
    b"a\x00b",
    b"\xff",
    b"\xfe\xff",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\x80abc",
    b"\r\nSet-Cookie: x=1",
    b"\x1b[31m",
    b"\x7f",
    b"%",
    b"%%32%65",
    b"..%2f..%2fetc%2fpasswd",
    b"../../etc/passwd",
    b"\xef\xbb\xbf",
    "\u202e\u200b\ufeff".encode(),
    "\U0001f600".encode(),
]

LONG_VALUES = ["a" * 10_000, "é" * 3_000, "<" * 2_000, "1" * 4_000]


def marked_payloads(marker):
    return [
        (template.format(m=marker), forbidden.format(m=marker))
        for template, forbidden in MARKUP_PAYLOADS
    ]


def catalogue():
    """Every fixed hostile value, as bytes, with the fragment that must not appear unescaped."""
    values = [(p.encode(), f) for p, f in marked_payloads("zq0mark")]
    values += [(v.encode(), None) for v in SQL_FRAGMENTS + BAD_DATES + NUMBERS + LONG_VALUES]
    values += [(v, None) for v in RAW_BYTES]
    return values


# --- hypothesis strategies -------------------------------------------------------------

markers = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=6, max_size=10).map(
    lambda s: "zq" + s
)


@st.composite
def markup_value(draw):
    marker = draw(markers)
    payload, forbidden = draw(st.sampled_from(marked_payloads(marker)))
    prefix = draw(st.sampled_from(["", "x", "2024", "news", " "]))
    return (prefix + payload).encode(), forbidden


def plain(strategy):
    """Values with nothing to look for in the body."""
    return strategy.map(lambda value: (value if isinstance(value, bytes) else value.encode(), None))


def hostile_value(valid=()):
    """(bytes, forbidden fragment or None): anything from valid values to garbage."""
    options = [
        markup_value(),
        plain(st.sampled_from(SQL_FRAGMENTS + BAD_DATES + NUMBERS)),
        plain(st.sampled_from(RAW_BYTES)),
        plain(st.integers(min_value=-(10**40), max_value=10**40).map(str)),
        plain(st.text(max_size=40)),
        plain(st.binary(max_size=24)),
        plain(st.integers(min_value=300, max_value=20_000).map(lambda n: "x" * n)),
        plain(st.sampled_from(LONG_VALUES)),
        plain(st.dates().map(lambda d: d.isoformat())),
    ]
    if valid:
        # Valid values often, so that hostile ones meet every combination of working filters.
        options.insert(0, plain(st.sampled_from(list(valid))))
        options.insert(0, plain(st.sampled_from(list(valid))))
    return st.one_of(options)


def query_pairs(params, extra_names=("page", "sort", "q", "format", "p", "zz")):
    """[(name, (bytes, forbidden))]: known and unknown names, repeated, in any order."""
    names = list(params) + [name for name in extra_names if name not in params]
    pair = st.sampled_from(names).flatmap(
        lambda name: st.tuples(st.just(name), hostile_value(params.get(name, ())))
    )
    return st.lists(pair, min_size=1, max_size=6)


def encode_query(pairs):
    """A raw query string: every byte percent-encoded, so non-UTF-8 reaches the server."""
    return "&".join(
        f"{quote_from_bytes(name.encode(), safe='')}={quote_from_bytes(value, safe='')}"
        for name, (value, _forbidden) in pairs
    )


def encode_segment(value):
    return quote_from_bytes(value, safe="")


# --- what every answer must look like --------------------------------------------------


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_sane_response(response, forbidden_fragments, url):
    """No 5xx, no off-site redirect, no hostile markup echoed, well-formed XML."""
    status = response.status_code
    assert status in SANE_STATUSES, f"{url} -> {status}"
    if status in (301, 302):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), (
            f"{url} redirects off-site: {location}"
        )
    content_type = response.get("Content-Type", "")
    body = body_of(response)
    if status == 200 and ("xml" in content_type):
        ET.fromstring(body)  # feeds and sitemaps stay well-formed
    if "html" in content_type or "xml" in content_type:
        text = body.decode("utf-8", "replace")
        for fragment in forbidden_fragments:
            if fragment:
                assert fragment not in text, f"{url}: unescaped {fragment!r} in the page"
