"""Media files (documents, images and their renditions) on the local file system, stored whole
or not at all.

Django's FileSystemStorage leaves a partial file behind when a write fails part way (the disk
fills up, the folder is read-only, a quota is reached); this storage deletes it and raises the
error. Within `files_kept_only_if` (every admin write: editorial/middleware.py) it also
remembers what it wrote, so the files of a request whose database work is rolled back are
deleted too: no row points to a missing file and no file is left without its row.
"""

import contextvars
import errno
import os
from contextlib import contextmanager

from django.core.files.storage import FileSystemStorage

# What a failed write says when the media folder, not the file, is at fault.
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EFBIG}

_written_in_this_request = contextvars.ContextVar("media_written", default=None)


def is_storage_failure(exc):
    return isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS


class CleanFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            name = super()._save(name, content)
        except OSError as exc:
            if not existed and not isinstance(exc, FileExistsError):
                remove_quietly(full_path)
            raise
        written = _written_in_this_request.get()
        if written is not None:
            written.append((self, name))
        return name


def remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


@contextmanager
def files_kept_only_if_committed():
    """Delete the files this storage wrote in the block if the block raises.

    The caller runs the block's database work in one transaction, so an exception means its
    rows were rolled back: the files they would have pointed to go too.
    """
    written = []
    reset = _written_in_this_request.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            try:
                storage.delete(name)
            except OSError:
                pass
        raise
    finally:
        _written_in_this_request.reset(reset)
