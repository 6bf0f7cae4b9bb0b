"""A token that changes whenever anything a reader can find or filter by changes, so that every
process can tell, with one tiny query, whether its in-memory facet index is still current."""

import uuid

from django.db import models
from django.utils import timezone


def new_token():
    return uuid.uuid4().hex


class FindableVersion(models.Model):
    """One row. A random token rather than a counter: a rolled-back transaction restores the old
    token, and no other state can ever be mistaken for the one an index was built from."""

    token = models.CharField(max_length=32, default=new_token)
    # When the token last changed: the API's Last-Modified.
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "findable content version"

    def __str__(self):
        return self.token

    @classmethod
    def current(cls):
        token = cls.objects.values_list("token", flat=True).first()
        if token is None:
            token = cls.objects.create().token
        return token

    @classmethod
    def current_with_time(cls):
        """(token, changed_at) in one query."""
        row = cls.objects.values_list("token", "changed_at").first()
        if row is None:
            created = cls.objects.create()
            row = (created.token, created.changed_at)
        return row

    @classmethod
    def bump(cls):
        if not cls.objects.update(token=new_token(), changed_at=timezone.now()):
            cls.objects.create()
