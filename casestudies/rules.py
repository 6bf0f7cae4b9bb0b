"""Limits that the page model, the finder's form, the importer and the editorial reports all
enforce, defined once."""

import datetime

from django.utils import timezone

EARLIEST_YEAR = 1944  # the Education Act that shaped the modern school system
YEARS_AHEAD = 5  # a partnership may be announced a few years before it starts
SUMMARY_MAX_LENGTH = 400
TITLE_MAX_LENGTH = 255  # Wagtail's Page.title


def latest_year():
    return datetime.date.today().year + YEARS_AHEAD


# A case study is due for review when an editor last checked it more than this long ago (or
# never). The coverage report, the content-quality report and the editor's warnings share it.
REVIEW_EVERY_MONTHS = 24


def review_due_before(today=None):
    """The date 24 months before today: a case study last reviewed earlier is due again."""
    today = today or timezone.localdate()
    years = REVIEW_EVERY_MONTHS // 12
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def is_due_for_review(last_reviewed, today=None):
    return last_reviewed is None or last_reviewed < review_due_before(today)
