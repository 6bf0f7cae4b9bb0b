"""Security headers Django has no setting for, and the admin's Content-Security-Policy.

django-csp writes the header; `SiteCSPMiddleware` only chooses which of the two policies in
settings applies: `CONTENT_SECURITY_POLICY` (strict, every public page) or
`ADMIN_CONTENT_SECURITY_POLICY` (what the Wagtail admin needs) under `ADMIN_URL_PREFIXES`.

The admin's preview renders the page through the whole middleware stack on a request of its own
(Wagtail's `make_preview_request`, which marks it `is_preview`), so that inner response carries
the public policy. It keeps it, except that the admin's own origin may frame it: the editor's
preview panel is an iframe. Every other page keeps `frame-ancestors 'none'`.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "ADMIN_URL_PREFIXES", ("/admin/",))))


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
        if not report_only and admin_policy and parts.config is None and is_admin_path(request.path_info):
            parts.config = admin_policy["DIRECTIVES"]
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` from settings.PERMISSIONS_POLICY: the bank uses no powerful feature."""

    def __init__(self, get_response):
        self.get_response = get_response
        features = getattr(settings, "PERMISSIONS_POLICY", {})
        self.value = ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.value and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.value
        return response
