from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.pagination import EstimatedCountPaginator
from core.staff.admin import TranslatedChildContentAdmin, TranslatedContentAdmin
from core.staff.translation_admin import TranslatedTabularInline
from members.models import Participant

from .forms import StatusDecisionForm, searchable_in_admin
from .models import (
    Coordination,
    Dimension,
    Measure,
    Plan,
    PlanDocument,
    PlanStatus,
    PriorityArea,
    StatusChange,
)
from .workflow import StatusChangeError, allowed_next_statuses, record_status_change


def roles_text(roles):
    return ", ".join(
        f"{role.state.name}{' (co)' if role.role == 'co_coordinator' else ''}" for role in roles
    )


class CoordinationInline(admin.TabularInline):
    model = Coordination
    extra = 0
    fields = ["state", "role", "start_year", "end_year"]
    autocomplete_fields = ["state"]
    verbose_name = _("coordinating state")
    verbose_name_plural = _("coordinating states")


class MeasureInline(TranslatedTabularInline):
    model = Measure
    extra = 0
    fields = ["title", "responsible_states", "due_date", "status", "event"]
    autocomplete_fields = ["responsible_states"]

    def get_autocomplete_fields(self, request):
        # The events app brings its admin later; until then the event is a plain select.
        fields = list(super().get_autocomplete_fields(request))
        if searchable_in_admin(Measure.event.field.related_model, self.admin_site):
            fields.append("event")
        return fields


class PlanDocumentInline(TranslatedTabularInline):
    model = PlanDocument
    extra = 0
    fields = ["title", "language", "date", "file"]


class StatusHistoryInline(admin.TabularInline):
    """The history, read-only: decisions are appended through the status form only."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = [
        "step",
        "from_status",
        "to_status",
        "decided",
        "deciding_body",
        "meeting",
        "note",
        "recorded_by",
        "recorded_at",
    ]
    readonly_fields = fields
    verbose_name_plural = _("status history (append-only)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting", "recorded_by")

    @admin.display(description=_("decided on"))
    def decided(self, obj):
        return obj.decided_on_display or _("not known")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CoordinatorFilter(admin.SimpleListFilter):
    title = _("coordinating state")
    parameter_name = "coordinator"

    def lookups(self, request, model_admin):
        states = Participant.objects.filter(coordinations__isnull=False).distinct()
        return [(str(state.pk), state.name) for state in states.order_by("name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.coordinated_by(int(value))
        return queryset


@admin.register(Dimension)
class DimensionAdmin(TranslatedChildContentAdmin):
    list_display = ["name", "position", "coordinators", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CoordinationInline]

    def get_queryset(self, request):
        roles = Coordination.objects.in_role_order()
        return super().get_queryset(request).prefetch_related(Prefetch("coordinations", roles))

    @admin.display(description=_("coordinators"))
    def coordinators(self, obj):
        return roles_text(obj.coordinations.all()) or "—"


@admin.register(PriorityArea)
class PriorityAreaAdmin(TranslatedChildContentAdmin):
    list_display = ["name", "dimension", "coordinators"]
    list_filter = ["dimension"]
    list_select_related = ["dimension"]
    search_fields = ["name", "dimension__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CoordinationInline]

    def get_queryset(self, request):
        roles = Coordination.objects.in_role_order()
        return super().get_queryset(request).prefetch_related(Prefetch("coordinations", roles))

    @admin.display(description=_("coordinators"))
    def coordinators(self, obj):
        return roles_text(obj.coordinations.all()) or "—"

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        # The plan form's autocomplete asks for the areas of the dimension chosen
        # (static/js/admin-priority-areas.js).
        dimension = request.GET.get("dimension", "")
        if (
            request.GET.get("model_name") == "plan"
            and request.GET.get("field_name") == "priority_area"
            and dimension.isdigit()
        ):
            queryset = queryset.filter(dimension_id=int(dimension))
        return queryset, duplicates


@admin.register(Plan)
class PlanAdmin(TranslatedContentAdmin):
    # At scale (issue 7): one count per page, and an order an index serves (the model's
    # default sorts on the dimension's position, i.e. every plan).
    show_full_result_count = False
    ordering = ["title", "pk"]
    list_display = [
        "title",
        "kind",
        "dimension",
        "priority_area",
        "status_label",
        "decided",
        "period_label",
        "publication_status",
    ]
    list_filter = ["dimension", "status", "kind", CoordinatorFilter, "publication_status"]
    list_select_related = ["dimension", "priority_area"]
    search_fields = ["title", "slug", "summary", "priority_area__name", "dimension__name"]
    autocomplete_fields = ["priority_area", "predecessor"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status_summary", "status_text"]
    markdown_fields = ["body"]
    inlines = [CoordinationInline, MeasureInline, PlanDocumentInline, StatusHistoryInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "dimension", "priority_area"]}),
        (_("Status"), {"fields": ["status_summary"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Period and sequence"), {"fields": ["start_year", "end_year", "predecessor"]}),
        (_("Publication"), {"fields": ["publication_status", "publish_at"]}),
    ]

    class Media:
        js = ["js/admin-priority-areas.js"]

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("status decided on"), ordering="status_decided_on")
    def decided(self, obj):
        return obj.status_decided_display or "—"

    # Plan.period is a property: without a description its column read "Period" in Russian.
    @admin.display(description=_("period"), ordering="start_year")
    def period_label(self, obj):
        return obj.period

    def has_status_permission(self, request):
        return request.user.has_perm("plans.change_plan_status")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_status_permission(request):
            return fieldsets
        # Editors see the status but are offered no decisions to record.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "status_text" if f == "status_summary" else f for f in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description=_("current status"))
    def status_text(self, obj):
        if obj.pk is None:
            return _("Draft.")
        decided = obj.status_decided_display
        return f"{obj.get_status_display()} ({decided})" if decided else obj.get_status_display()

    @admin.display(description=_("current status"))
    def status_summary(self, obj):
        if obj.pk is None:
            return _("Draft. Record decisions once the plan is saved.")
        decided = obj.status_decided_display
        next_steps = allowed_next_statuses(obj.kind, obj.status)
        url = reverse("admin:plans_plan_record_decision", args=[obj.pk])
        links = format_html_join(
            " ",
            '<a class="button" href="{}?to={}">{}</a>',
            ((url, status, _("Record: %s") % PlanStatus(status).label) for status in next_steps),
        )
        return format_html(
            "<strong>{}</strong>{}<br>{}",
            obj.get_status_display(),
            f" ({decided})" if decided else "",
            links or _("No further step: this status is final."),
        )

    def get_urls(self):
        record = self.admin_site.admin_view(self.record_decision_view)
        return [
            path("<path:object_id>/status/", record, name="plans_plan_record_decision"),
            *super().get_urls(),
        ]

    def record_decision_view(self, request, object_id):
        plan = self.get_object(request, unquote(object_id))
        if plan is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_status_permission(request):
            raise PermissionDenied
        form = StatusDecisionForm(
            request.POST or None,
            plan=plan,
            admin_site=self.admin_site,
            initial={"to_status": request.GET.get("to")},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            from_label = plan.get_status_display()
            try:
                change = record_status_change(
                    plan,
                    data["to_status"],
                    data["decided_on"],
                    precision=data["precision"],
                    deciding_body=data["deciding_body"],
                    meeting=data["meeting"],
                    note=data["note"],
                    recorded_by=request.user,
                )
            except StatusChangeError as error:
                form.add_error(None, error)
            else:
                summary = f"{from_label} → {change.get_to_status_display()}"
                self.log_change(request, plan, _("Status: %s") % summary)
                self.message_user(request, _("Recorded: %s.") % summary, level=messages.SUCCESS)
                return redirect("admin:plans_plan_change", plan.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Record a status decision"),
            "plan": plan,
            "form": form,
            "history": plan.status_changes.select_related("meeting", "recorded_by"),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/plans/plan/record_decision.html", context)


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """Every decision on every plan, for reading: the history cannot be edited."""

    list_display = ["plan", "from_status", "to_status", "decided", "deciding_body", "recorded_by"]
    list_filter = ["to_status", "deciding_body", "plan__dimension"]
    # Newest first, by key: the model's order (by plan, i.e. the plan's own order) would
    # sort every decision for each page; one count per page (issue 7).
    ordering = ["-pk"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_select_related = ["plan", "recorded_by"]
    search_fields = ["plan__title", "note"]

    @admin.display(description=_("decided on"), ordering="decided_on")
    def decided(self, obj):
        return obj.decided_on_display or _("not known")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
