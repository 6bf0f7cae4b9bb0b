"""A token that changes whenever anything a reader can find or filter by changes, so that every
process can tell, with one tiny query, whether its in-memory facet index is still current."""

import uuid

from django.db import models


def new_token():
    return uuid.uuid4().hex


class FindableVersion(models.Model):
    """One row. A random token rather than a counter: a rolled-back transaction restores the old
    token, and no other state can ever be mistaken for the one an index was built from."""

    token = models.CharField(max_length=32, default=new_token)

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
    def bump(cls):
        if not cls.objects.update(token=new_token()):
            cls.objects.create()
