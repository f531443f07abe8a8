"""The API's documentation page (/api/ and /ru/api/): our own page in the site's frame and
languages, listing each resource with its address and the filters it takes (read from the
OpenAPI description, so it never differs from the API), with examples."""

import functools

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

RESOURCES = {
    "states": _("Member states and observers, with their status history and chairmanships."),
    "dimensions": _("The dimensions of cooperation, with their priority areas and coordinators."),
    "priority-areas": _("The priority areas of each dimension."),
    "plans": _(
        "Concept papers and action plans with their coordinators and progress; each plan "
        "with its status history, measures and documents."
    ),
    "decisions": _(
        "Status decisions on all plans, with the deciding body, the meeting and the date."
    ),
    "events": _(
        "Meetings with their hosts, kind and dates, the plans discussed and the decisions taken."
    ),
    "publications": _("News, interviews, speeches and statements."),
}

# The README shows the same three.
EXAMPLES = [
    (_("Action plans being implemented:"), "plans/?status=in_implementation"),
    (_("Status decisions taken since 1 January 2024:"), "decisions/?decided_after=2024-01-01"),
    (_("A member state with its status history:"), "states/kazakhstan/"),
]


@functools.cache
def query_parameters():
    """{resource: [names of the query parameters of its list]}, from the OpenAPI
    description (built once per process: it takes about a second)."""
    with translation.override("en"):
        paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return {
        path.split("/")[3]: [parameter["name"] for parameter in operations["get"]["parameters"]]
        for path, operations in paths.items()
        if path.count("/") == 4  # /api/v1/<resource>/: the lists
    }


class ApiDocsView(TemplateView):
    template_name = "api_docs.html"

    def get_context_data(self, **kwargs):
        parameters = query_parameters()
        root_path = reverse("api:api-root")
        root = self.request.build_absolute_uri(root_path)
        return super().get_context_data(
            resources=[
                {
                    "name": name,
                    "description": description,
                    "url": f"{root}{name}/",
                    "path": f"{root_path}{name}/",
                    "parameters": parameters.get(name, []),
                }
                for name, description in RESOURCES.items()
            ],
            root=root,
            examples=[(label, f"curl '{root}{query}'") for label, query in EXAMPLES],
            schema_url=self.request.build_absolute_uri(reverse("api:schema")),
            **kwargs,
        )
