"""Writing search events and opens: after the response has gone, and never failing a page."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import WITHHELD, DailySearch, SearchEvent

logger = logging.getLogger(__name__)

# An open counts for a search made at most this long before it.
OPEN_WITHIN = datetime.timedelta(hours=2)


def this_hour():
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def record_search(search, results):
    hour = this_hour()
    signature = WITHHELD if search.withheld else search.signature
    asked = {"path": search.path, "query": search.query, "filters": search.filters}
    results = 0 if search.withheld else results
    with transaction.atomic():
        SearchEvent.objects.create(hour=hour, signature=signature, results=results, withheld=search.withheld, **asked)
        today = DailySearch.objects.filter(day=timezone.localdate(hour), signature=signature)
        if today.update(searches=F("searches") + 1, results=results):
            return
        try:
            with transaction.atomic():
                DailySearch.objects.create(
                    day=timezone.localdate(hour), signature=signature, results=results, searches=1, **asked
                )
        except IntegrityError:  # another worker made the day's row first
            today.update(searches=F("searches") + 1, results=results)


def record_open(search):
    """A case study opened from the results of `search` (if that search was recorded lately)."""
    if search.withheld:
        return
    signature = search.signature
    with transaction.atomic():
        event = (
            SearchEvent.objects.filter(signature=signature, hour__gte=this_hour() - OPEN_WITHIN)
            .order_by("-opened", "-hour")
            .first()
        )
        if event is None:
            return
        if not event.opened:
            SearchEvent.objects.filter(pk=event.pk).update(opened=True)
        DailySearch.objects.filter(day=timezone.localdate(event.hour), signature=signature).update(opens=F("opens") + 1)


def safely(write, *args):
    """Run `write`, logging instead of raising: a reader's page never fails for the log."""
    try:
        write(*args)
    except Exception:
        logger.warning("Could not record a search event", exc_info=True)
