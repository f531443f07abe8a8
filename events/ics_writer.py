"""VCALENDAR and VEVENT text (RFC 5545) written directly, following icalendar's rules.

icalendar builds an object for every property and parameter and then walks them to
serialise: about 0.3 ms an event, most of a 500-event calendar's time. Only the properties
that events.ics gives are written here, with the rules icalendar 7 writes by. It is the
one place where Python writes a document format; tests/events/test_ics.py parses what it
writes with icalendar and checks the values, escaping, folding and zones:

- Property order: the component's canonical order (VEVENT: SUMMARY, DTSTART, DTEND,
  DTSTAMP, UID, SEQUENCE; VCALENDAR: VERSION, PRODID, NAME, X-WR-CALNAME), then the rest
  alphabetically.
- TEXT (SUMMARY, DESCRIPTION, LOCATION, STATUS, UID, PRODID, VERSION, each category):
  icalendar's _escape_char replacements in its order; CATEGORIES joins them with commas.
- URL (URI) and NAME / X-WR-CALNAME (types icalendar doesn't know, so UNKNOWN) verbatim.
- DATE: ``;VALUE=DATE:YYYYMMDD``. DATE-TIME: ``YYYYMMDDTHHMMSS`` with ``Z`` when icalendar
  takes the zone for UTC (also Africa/Abidjan, Atlantic/Reykjavik...: zones it holds
  equivalent to UTC), else ``;TZID=<zone>``. DTSTAMP and LAST-MODIFIED in UTC.
- A value whose UTF-8 starts with a byte order mark loses it (icalendar decodes each
  value with utf-8-sig).
- Folding: at most 74 octets of content a line, never inside a UTF-8 character, then CRLF
  and one space; a ``\\`` or ``^`` that would end a folded line starts the next instead.
  Every line ends with CRLF.
"""

import datetime
import functools
import re
import zoneinfo

from icalendar.timezone import tzid_from_tzinfo

# icalendar folds before the character that would bring a line to 75 octets.
FOLD_AT = 75
FOLD = b"\r\n "
CRLF = b"\r\n"
BYTE_ORDER_MARK = "\ufeff"
# Parameter values with one of these are quoted (icalendar's QUOTABLE).
QUOTABLE = re.compile("[,;:\u2019]")


def text(value):
    """A TEXT value, escaped as icalendar's _escape_char does.

    The order is icalendar's: a literal ``\\N`` first becomes a line break, so it is written
    ``\\n``, and CR LF, LF and a lone CR all become ``\\n``.
    """
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def uri(value):
    """A URI value (URL), written as is: icalendar refuses a CR or LF in one."""
    if "\r" in value or "\n" in value:
        raise ValueError(f"A URI value may not contain CR or LF characters: {value!r}")
    return value


def unknown(value):
    """A value of a property icalendar has no type for (NAME, X-WR-CALNAME), written as is.

    icalendar stops at a LF in the line (an AssertionError); a lone CR goes through.
    """
    if "\n" in value:
        raise ValueError(f"Content line can not contain unescaped new line characters: {value!r}")
    return value


def tzid(value):
    """The TZID parameter a DTSTART or DTEND of this value gets, or None (dates, UTC, floating)."""
    if not isinstance(value, datetime.datetime):
        return None
    zone = _zone_name(value)
    return None if zone == "UTC" else zone


def _zone_name(moment):
    # icalendar's tzid_from_dt: the name it knows the zone by, else the abbreviation.
    zone = moment.tzinfo
    if isinstance(zone, zoneinfo.ZoneInfo):
        name = _zoneinfo_name(zone)
    else:
        name = tzid_from_tzinfo(zone)
    return name or moment.tzname()


@functools.lru_cache(maxsize=64)
def _zoneinfo_name(zone):
    # Only ZoneInfo objects are cache keys: they compare by identity. A datetime.timezone
    # equals any other of the same offset, whatever its name.
    return tzid_from_tzinfo(zone)


@functools.lru_cache(maxsize=64)
def _tzid_parameter(zone):
    # RFC 6868 escaping, then quotes when needed, as icalendar's param_value: never needed
    # for the IANA names events use, kept so that no name can break the line.
    value = (
        zone.replace("^", "^^")
        .replace("\r\n", "^n")
        .replace("\r", "^n")
        .replace("\n", "^n")
        .replace('"', "^'")
    )
    if QUOTABLE.search(value):
        value = f'"{value}"'
    return f";TZID={value}"


def _digits(moment):
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )


def date_or_time(name, value):
    """A DATE or DATE-TIME property line (DTSTART, DTEND)."""
    if not isinstance(value, datetime.datetime):
        return line(name, f"{value.year:04}{value.month:02}{value.day:02}", ";VALUE=DATE")
    zone = _zone_name(value)
    if zone == "UTC":
        return line(name, _digits(value) + "Z")
    if zone is None:
        return line(name, _digits(value))
    return line(name, _digits(value), _tzid_parameter(zone))


def utc_stamp(name, moment):
    """A DATE-TIME in UTC (DTSTAMP, LAST-MODIFIED) from an aware datetime."""
    return line(name, _digits(moment.astimezone(datetime.UTC)) + "Z")


def line(name, value, parameters=""):
    """One content line, folded, with its CRLF."""
    content = f"{name}{parameters}:{value.removeprefix(BYTE_ORDER_MARK)}".encode()
    if len(content) < FOLD_AT:
        return content + CRLF
    return fold(content) + CRLF


def fold(content):
    """icalendar's _foldline, worked on the UTF-8 bytes rather than character by character."""
    parts = []
    start = 0
    while len(content) - start >= FOLD_AT:
        end = start + FOLD_AT - 1
        while content[end] & 0xC0 == 0x80:
            end -= 1
        if end - start > 1 and content[end - 1] in b"\\^":
            end -= 1
        parts.append(content[start:end])
        start = end
    parts.append(content[start:])
    return FOLD.join(parts)


def vevent(
    *,
    uid,
    stamp,
    last_modified,
    sequence,
    summary,
    start,
    end,
    status,
    location,
    description,
    categories,
    url,
):
    """One VEVENT from the arguments icalendar's Event.new would take; end and location may
    be None (left out), the others are always given."""
    lines = [
        b"BEGIN:VEVENT\r\n",
        line("SUMMARY", text(summary)),
        date_or_time("DTSTART", start),
    ]
    if end is not None:
        lines.append(date_or_time("DTEND", end))
    lines += [
        utc_stamp("DTSTAMP", stamp),
        line("UID", text(uid)),
        line("SEQUENCE", str(sequence)),
        line("CATEGORIES", ",".join(map(text, categories))),
        line("DESCRIPTION", text(description)),
        utc_stamp("LAST-MODIFIED", last_modified),
    ]
    if location is not None:
        lines.append(line("LOCATION", text(location)))
    lines += [
        line("STATUS", text(status)),
        line("URL", uri(url)),
        b"END:VEVENT\r\n",
    ]
    return b"".join(lines)


def vcalendar(*, prodid, version, name, uid, components):
    """The VCALENDAR around already written components (bytes)."""
    return b"".join(
        [
            b"BEGIN:VCALENDAR\r\n",
            line("VERSION", text(version)),
            line("PRODID", text(prodid)),
            line("NAME", unknown(name)),
            line("X-WR-CALNAME", unknown(name)),
            line("UID", text(uid)),
            *components,
            b"END:VCALENDAR\r\n",
        ]
    )
