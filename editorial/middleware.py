"""Every write in the admin is all or nothing, and a full or read-only disk is a message, not
a server error.

- **One transaction per admin write** (POST, PUT, PATCH, DELETE under ADMIN_URL_PREFIXES), as
  Django's ATOMIC_REQUESTS does, but for the admin only. Wagtail 7.4's Publish button
  (`PublishPageRevisionAction`) runs in autocommit: it saves the page row, then each child
  relation (partners, success features, impact measures, sources) separately, then sends
  `page_published` (the findable-content token, the numbered version) and writes the audit
  log. A process killed between those steps would leave a page whose row is the new version
  and whose partners are the old, with the facet index's token unchanged. In one transaction
  the page is the old version or the new one, and the token moves with it.
- **Files go with their rows**: files `editorial.media.CleanFileSystemStorage` writes during the view are
  deleted if its transaction rolls back.
- **Storage failures** (disk full, read-only media folder, no room for an upload's temporary
  file): the editor sees what happened and that nothing was saved; the error is logged.
"""

import contextvars
import logging

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.html import escape

from .media import files_kept_only_if_committed, is_storage_failure

logger = logging.getLogger(__name__)

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def storage_failure_message(exc):
    return (
        f"The file could not be stored: the server's file storage is full or cannot be written to "
        f"({exc.strerror or exc}). Nothing was saved. Try again later, and tell the site's administrators."
    )


def storage_failure_response(request, exc):
    logger.error("Upload could not be stored: %s", exc, extra={"path": request.path})
    message = storage_failure_message(exc)
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        # Wagtail's multiple-upload page shows `error_message` (as HTML) beside the file.
        return JsonResponse({"success": False, "error_message": escape(message)})
    messages.error(request, message)
    return HttpResponseRedirect(request.get_full_path(), status=303)


def discard_partial_uploads(request):
    """Close (so delete) the temporary file an upload was being written to when it failed."""
    for handler in getattr(request, "_upload_handlers", None) or ():
        partial = getattr(handler, "file", None)
        if partial is not None:
            try:
                partial.close()
            except OSError:
                pass


# The admin write being handled, for signal receivers that tell its user what happened
# (`editorial.signals`): Wagtail's workflow actions send signals but leave no message.
current_admin_write = contextvars.ContextVar("current_admin_write", default=None)


class AdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def applies(request):
        prefixes = tuple(getattr(settings, "ADMIN_URL_PREFIXES", ("/admin/",)))
        return request.method in WRITE_METHODS and request.path_info.startswith(prefixes)

    def __call__(self, request):
        if self.applies(request):
            try:
                request.POST  # noqa: B018 (read the body now: a large upload goes to a temporary file)
            except OSError as exc:
                discard_partial_uploads(request)
                if is_storage_failure(exc):
                    return storage_failure_response(request, exc)
                raise
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self.applies(request):
            return None
        token = current_admin_write.set(request)
        try:
            with transaction.atomic(), files_kept_only_if_committed():
                return view_func(request, *view_args, **view_kwargs)
        except OSError as exc:
            if is_storage_failure(exc):
                return storage_failure_response(request, exc)
            raise
        finally:
            current_admin_write.reset(token)
