"""A new statement-set version whenever editors save or delete a statement and the set changes."""

from django.db.models.signals import post_delete, post_save


def statements_changed(sender, **kwargs):
    from .models import StatementSet

    if kwargs.get("raw"):
        return
    StatementSet.record()


def connect():
    from .models import Statement

    post_save.connect(statements_changed, sender=Statement, dispatch_uid="healthcheck-statement-saved")
    post_delete.connect(statements_changed, sender=Statement, dispatch_uid="healthcheck-statement-deleted")
