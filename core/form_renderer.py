"""The site's form renderer: Django's smallest form templates written out in Python.

Every field of a form goes through up to five tiny templates (field group, label,
attributes, error list, input), each a full template render. On the plan list the
filter form's seven fields took about a third of the page's time that way (issue 7).
The functions here give the same bytes as those templates for the same context
(tests/site/test_form_renderer.py compares them on every form of the site, the admin's
included); any other template, or a field group drawn as a fieldset, still goes through
the template.
"""

from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, SafeString


def _formatted(value):
    # {{ value|stringformat:'s' }}: stringformat keeps a safe value safe.
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return text if isinstance(value, SafeData) else escape(text)


def html_attributes(attrs):
    # django/forms/attrs.html and widgets/attrs.html: False leaves the attribute out,
    # True writes its name alone.
    if not attrs:
        return ""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def field_group(context):
    field = context["field"]
    if field.use_fieldset:
        return None
    label = field.label_tag() if field.label else ""
    help_text = ""
    if field.help_text:
        help_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{help_id}>{field.help_text}</div>'
    return (
        f"\n  {conditional_escape(label)}\n\n{help_text}\n"
        f"{conditional_escape(field.errors)}\n{conditional_escape(field)}\n"
    )


def label(context):
    text = conditional_escape(context["label"])
    if not context["use_tag"]:
        return f"{text}\n"
    tag = conditional_escape(context["tag"])
    return f"<{tag}{html_attributes(context['attrs'])}>{text}</{tag}>\n"


def error_list(context):
    errors = context["errors"]
    if not errors:
        return ""
    field_id = f' id="{conditional_escape(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return f'<ul class="{conditional_escape(context["error_class"])}"{field_id}>{items}</ul>'


def input_widget(context):
    widget = context["widget"]
    value = widget["value"]
    value_attribute = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value_attribute}'
        f"{html_attributes(widget['attrs'])}>\n"
    )


# Each of these widget templates is only {% include "django/forms/widgets/input.html" %}.
INPUT_TEMPLATES = [
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input",
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
]

WRITTEN_IN_PYTHON = {
    "django/forms/field.html": field_group,
    "django/forms/label.html": label,
    "django/forms/errors/list/default.html": error_list,
    "django/forms/errors/list/ul.html": error_list,
    **dict.fromkeys(INPUT_TEMPLATES, input_widget),
}


class QuickTemplatesSetting(TemplatesSetting):
    """TemplatesSetting, but the templates above are rendered by their Python twins.

    A project template overriding one of them would be ignored, so none may exist
    (tests/site/test_form_renderer.py checks).
    """

    def render(self, template_name, context, request=None):
        write = WRITTEN_IN_PYTHON.get(template_name)
        if write is not None:
            html = write(context)
            if html is not None:
                # BaseRenderer.render strips the template's output too.
                return SafeString(html.strip())
        return super().render(template_name, context, request=request)
