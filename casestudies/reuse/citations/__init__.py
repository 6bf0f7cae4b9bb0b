"""Citations of case studies: one CSL-JSON record per case study and version (`record.py`),
formatted by citeproc-py with the CSL styles package (`styles.py`), and the RIS, BibTeX and
CSL-JSON files reference managers import (`files.py`)."""

from .files import FILE_FORMATS, citation_file
from .record import CitedVersion, author_names, cited_version, csl_record, publisher_name
from .styles import STYLES, format_citation

__all__ = [
    "FILE_FORMATS",
    "STYLES",
    "CitedVersion",
    "author_names",
    "cited_version",
    "citation_file",
    "csl_record",
    "format_citation",
    "publisher_name",
]
