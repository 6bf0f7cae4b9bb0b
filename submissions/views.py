"""/submit/: the public form, its confirmation page and its privacy notice."""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .drafting import NotSaved, draft_from
from .emails import notify
from .forms import SubmissionForm

logger = logging.getLogger(__name__)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    form = SubmissionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_robot:
            return redirect("submissions:sent")  # told nothing, saved nothing
        if form.is_valid():
            try:
                _page, contact = draft_from(form.cleaned_data)
            except NotSaved:
                logger.exception("A valid submission could not be saved as a draft")
                form.add_error(None, "We could not save your case study just now. Please try again later.")
            else:
                privacy_url = request.build_absolute_uri(reverse("submissions:privacy"))
                notify.enqueue(contact.pk, privacy_url)  # the draft is committed: draft_from's transaction
                return redirect("submissions:sent")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "submissions/submit.html",
        {"form": form.describe_fields(), "keep_days": settings.SUBMITTER_CONTACT_DAYS},
        status=status,
    )


def sent(request):
    return render(request, "submissions/sent.html", {"keep_days": settings.SUBMITTER_CONTACT_DAYS})


def privacy(request):
    return render(request, "submissions/privacy.html", {"keep_days": settings.SUBMITTER_CONTACT_DAYS})
