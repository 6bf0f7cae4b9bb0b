"""Reading an interchange file: its size, encoding and top-level shape. A file that fails
here is refused whole, before any record is looked at."""

import json
import os

from .format import MAX_FILE_BYTES, SCHEMA_VERSION
from .wording import json_type, truncate


class DocumentError(Exception):
    """The file as a whole cannot be read: no record is looked at, nothing is written."""


def describe_size(size):
    return f"{size / (1024 * 1024):.1f} MB"


def check_file_size(size):
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            f"The file is {describe_size(size)}; the largest file the importer accepts is "
            f"{describe_size(MAX_FILE_BYTES)}. Split it into smaller files and import each one."
        )


def read_document_file(path):
    """Read an interchange file from disk, refusing an oversized one before reading it."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise DocumentError(f"Cannot open the file {path}: {exc.strerror}.") from None
    check_file_size(size)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DocumentError(f"Cannot read the file {path}: {exc.strerror}.") from None
    return parse_document(data)


def read_uploaded_document(upload):
    """Read an uploaded file (Django UploadedFile); its size is known before any byte is read."""
    check_file_size(upload.size)
    upload.seek(0)
    return parse_document(upload.read(MAX_FILE_BYTES + 1))


def parse_document(data):
    """Return the list of records in an interchange document, or raise DocumentError."""
    check_file_size(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("The file is not UTF-8 text. Save it as UTF-8 JSON and try again.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"The file is not valid JSON: {exc.msg.lower()} at line {exc.lineno}, column {exc.colno}. "
            "Check for a missing comma, quote or bracket there."
        ) from None
    except RecursionError:
        raise DocumentError("The file is nested too deeply to be a case-study file.") from None
    if not isinstance(document, dict):
        raise DocumentError(
            'The file must be one JSON object like {"schema_version": 1, "case_studies": [ … ]}, '
            f"not {json_type(document)}."
        )
    if "schema_version" not in document:
        raise DocumentError(f'The file has no schema_version: add "schema_version": {SCHEMA_VERSION} at the top.')
    version = document["schema_version"]
    if isinstance(version, bool) or version != SCHEMA_VERSION:
        raise DocumentError(
            f"The file says schema_version {truncate(json.dumps(version))}; this bank reads version "
            f"{SCHEMA_VERSION} files only."
        )
    records = document.get("case_studies")
    if not isinstance(records, list):
        raise DocumentError('The file needs a "case_studies" list ([ … ]) holding the case studies.')
    unknown = sorted(set(document) - {"schema_version", "case_studies"})
    if unknown:
        raise DocumentError(
            f"The file has unexpected top-level fields: {', '.join(truncate(k, 40) for k in unknown)}. "
            "Only schema_version and case_studies belong there."
        )
    return records
