"""The case-study interchange format both ways (docs/interchange.md): reading and checking a
file, writing its records as pages, and writing pages out as JSON or CSV. Other apps and the
finder use only what is named here."""

from .downloads import export_response
from .exporting import (
    case_study_record,
    case_study_story,
    export_document,
    export_queryset,
    spreadsheet_safe,
    write_csv,
)
from .format import CANONICAL_SLUGS, MAX_FILE_BYTES, SCHEMA_PATH, SCHEMA_VERSION, plain_to_rich_text
from .importer import RecordResult, import_records, summarise
from .reading import DocumentError, check_file_size, parse_document, read_document_file, read_uploaded_document
from .validation import validate_record
from .writing import IMPORT_LOG_ACTION, write_record

__all__ = [
    "CANONICAL_SLUGS",
    "DocumentError",
    "IMPORT_LOG_ACTION",
    "MAX_FILE_BYTES",
    "RecordResult",
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "case_study_record",
    "case_study_story",
    "check_file_size",
    "export_document",
    "export_queryset",
    "export_response",
    "import_records",
    "parse_document",
    "plain_to_rich_text",
    "read_document_file",
    "read_uploaded_document",
    "spreadsheet_safe",
    "summarise",
    "validate_record",
    "write_csv",
    "write_record",
]
