"""The admin form for recording a status decision (the next step of a plan's workflow)."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from core.partial_dates import DatePrecision, format_partial_date

from .models import DecidingBody, PlanStatus, StatusChange
from .workflow import allowed_next_statuses

# The events app sits above this one (see the import contract): its model is reached
# through the decision's foreign key.
Event = StatusChange._meta.get_field("meeting").related_model


def searchable_in_admin(model, admin_site):
    """True if the admin can autocomplete this model (registered, with search fields)."""
    model_admin = admin_site._registry.get(model)
    return bool(model_admin and model_admin.search_fields)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, event):
        return f"{event.title} ({format_partial_date(event.start_date, event.date_precision)})"


class StatusDecisionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=AdminDateWidget,
        help_text=_(
            "The date of the decision, not today's. Leave empty if it is not known; for a "
            "month or a year, enter any day in it and choose the precision."
        ),
    )
    precision = forms.ChoiceField(
        label=_("Date known to"), choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    deciding_body = forms.ChoiceField(
        label=_("Deciding body"),
        choices=[("", "---------"), *DecidingBody.choices],
        required=False,
    )
    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("The meeting where it was decided, if it is recorded as an event."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, plan, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["to_status"].choices = [
            (status, PlanStatus(status).label)
            for status in allowed_next_statuses(plan.kind, plan.status)
        ]
        meeting = self.fields["meeting"]
        if searchable_in_admin(Event, admin_site):
            meeting.queryset = Event.objects.all()
            meeting.widget = AutocompleteSelect(StatusChange._meta.get_field("meeting"), admin_site)
            # A widget set after the field was built must be given the field's choices.
            meeting.widget.choices = meeting.choices
        else:
            # The meetings that take decisions, when no event search is available.
            meeting.queryset = Event.objects.deciding_meetings().order_by("-start_date", "title")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("decided_on") and cleaned.get("precision") != DatePrecision.DAY:
            self.add_error("decided_on", _("Enter the date that the precision applies to."))
        return cleaned
