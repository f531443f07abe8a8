"""A staff member in the admin over plain HTTP: log in, open a form, fill it in, save.

Only the standard library: forms are read the way a browser would submit them (every
input, selected option and textarea of the form, including the CSRF token, the hidden
edit-conflict version and the inline management forms), then a few fields are changed.
"""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormReader(HTMLParser):
    """The fields of the first <form> with the given id, as a browser would send them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = []  # [(name, value)] in document order
        self._select = None  # (name, multiple, [selected values], first value)
        self._textarea = None  # (name, [text])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = [name, "multiple" in attrs, [], None]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[3] is None:
                self._select[3] = value
            if "selected" in attrs:
                self._select[2].append(value)
        elif tag == "textarea" and name:
            self._textarea = (name, [])

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self._select is not None:
            name, multiple, selected, first = self._select
            if not selected and not multiple and first is not None:
                selected = [first]
            self.fields += [(name, value) for value in selected]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one newline that may follow <textarea>.
            value = "".join(text)
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)


def read_form(html, form_id):
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.fields


class LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """The site sets Secure cookies (production settings); on loopback this client stands
    in for a browser talking to the TLS proxy, so it sends them over plain HTTP."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class AdminSession:
    """One logged-in staff member; answers are (status, body, location)."""

    def __init__(self, base, timeout=60):
        self.base = base
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar(LoopbackCookiePolicy())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def _open(self, path, data=None):
        request = urllib.request.Request(self.base + path, data=data)
        if data is not None:
            # Django checks the Referer of HTTPS posts only, but a browser sends one anyway.
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.read().decode(), response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return (
                error.code,
                error.read().decode("utf-8", "replace"),
                error.headers.get("Location"),
            )

    def get(self, path):
        return self._open(path)

    def post(self, path, fields):
        return self._open(path, urllib.parse.urlencode(fields).encode())

    def login(self, username, password):
        status, html, _ = self.get("/admin/login/")
        fields = dict(read_form(html, "login-form"))
        fields.update(username=username, password=password, next="/admin/")
        status, _, location = self.post("/admin/login/", fields)
        if status != 302:
            raise RuntimeError(f"admin login failed for {username}: {status}")

    def save_form(self, path, form_id, changes):
        """Open the form at path, change some fields, press Save: (status, location)."""
        status, html, _ = self.get(path)
        if status != 200:
            return status, None
        fields = [(k, v) for k, v in read_form(html, form_id) if k not in changes]
        fields += list(changes.items()) + [("_save", "Save")]
        status, _, location = self.post(path, fields)
        return status, location
