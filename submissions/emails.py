"""The editors' email about a new submission and the submitter's confirmation, through Django's
mail settings (the console in development, SMTP from the DJANGO_EMAIL_* variables in production).
Sent by the task worker once the draft is saved (a slow mail server never holds up the form); a
mail server that fails is logged, never shown to the submitter (their case study is saved)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from editorial.roles import EDITORS, MODERATORS

logger = logging.getLogger(__name__)


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def editors_addresses():
    users = get_user_model().objects.filter(is_active=True, groups__name__in=[EDITORS, MODERATORS])
    return sorted({email for email in users.values_list("email", flat=True) if email})


@task()
def notify(contact_id, privacy_url):
    from .models import SubmitterContact

    contact = SubmitterContact.objects.select_related("page").filter(pk=contact_id).first()
    if contact is None:  # deleted before the worker came to it
        return
    page = contact.page
    context = {
        "page": page,
        "contact": contact,
        "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
        "contact_url": admin_url("wagtailsnippets_submissions_submittercontact:edit", contact.pk),
        "privacy_url": privacy_url,
        "keep_days": settings.SUBMITTER_CONTACT_DAYS,
    }
    sender = settings.DEFAULT_FROM_EMAIL
    try:
        messages = []
        if addresses := editors_addresses():
            body = render_to_string("submissions/email/editors.txt", context)
            messages.append((f"New case study submitted: {page.title}"[:150], body, sender, addresses))
        body = render_to_string("submissions/email/confirmation.txt", context)
        messages.append(("Your case study has reached the Partnership Evidence Bank", body, sender, [contact.email]))
        send_mass_mail(messages)
    except Exception:
        logger.exception("Could not send the emails about submitted case study %s", page.pk)
