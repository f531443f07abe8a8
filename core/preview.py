"""Staff preview of unpublished items on their public URL."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.bilingual import languages_of


def never_store(response):
    """A page showing unpublished data to staff must never be kept by any cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


class PreviewableDetailMixin:
    """For a DetailView whose queryset uses ``visible_to(user)``.

    When the object shown is not public (a staff member's preview), the page says so
    (base.html shows the banner), asks search engines not to index it, and is never
    stored by any cache.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_published
        if hasattr(type(self.object), "translated_fields"):
            # The languages the item really exists in, for the hreflang alternates.
            context["content_languages"] = languages_of(self.object)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("preview"):
            never_store(response)
            response["X-Robots-Tag"] = "noindex"
        return response
