"""Limits that the page model, the finder's form and the importer all enforce, defined once."""

import datetime

EARLIEST_YEAR = 1944  # the Education Act that shaped the modern school system
YEARS_AHEAD = 5  # a partnership may be announced a few years before it starts
SUMMARY_MAX_LENGTH = 400
TITLE_MAX_LENGTH = 255  # Wagtail's Page.title


def latest_year():
    return datetime.date.today().year + YEARS_AHEAD
