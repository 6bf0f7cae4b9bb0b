"""The citation files reference managers import, each from the one CSL-JSON record: RIS (type
RPRT, the bank as publisher in PB), BibTeX (@techreport) and CSL-JSON. Organisation authors stay
single-field names: `{Royal Holloway, University of London}` in braces in BibTeX (Zotero's BibTeX
import does not split inside braces), `literal` in CSL-JSON. RIS reads an author as
"Last, First": Zotero's RIS import takes the text before the first comma as the surname and keeps
a name whole only when it has no comma, and no escape survives (it unescapes HTML entities before
splitting), so in RIS a comma inside an organisation's name is written as U+FE50 SMALL COMMA,
which Unicode compatibility normalisation (NFKC) maps back to the comma. The version travels as
the edition (RIS `ET`, BibTeX `edition` and `version`, CSL `version`), the licence as the rights
(RIS `CR`, BibTeX `copyright` and `license`, CSL `license`), the fields Zotero's importers map."""

import json
import re

from ...addresses import CITATION_FORMATS

FILE_FORMATS = CITATION_FORMATS  # extension → media type


def _one_line(text):
    return re.sub(r"\s+", " ", text or "").strip()


RIS_NAME_COMMA = "\ufe50"  # SMALL COMMA: NFKC maps it to ","; RIS readers do not split at it


def ris_name(name):
    """An organisation's name as one RIS author that "Last, First" readers keep whole."""
    return _one_line(name).replace(",", RIS_NAME_COMMA)


def ris(record):
    lines = [("TY", "RPRT"), ("TI", record["title"])]
    lines += [("AU", ris_name(author["literal"])) for author in record["author"]]
    year = record["issued"]["date-parts"][0][0]
    lines += [
        ("PY", str(year)),
        ("PB", record["publisher"]),
        ("M3", record["genre"]),
        ("ET", f"Version {record['version']}"),
        ("UR", record["URL"]),
        ("AB", record.get("abstract", "")),
        ("LA", record["language"]),
    ]
    if record.get("license"):
        lines += [("CR", record["license"]), ("N1", f"Licence: {record['license']}")]
    lines += [("KW", keyword.strip()) for keyword in record.get("keyword", "").split(";") if keyword.strip()]
    lines += [("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines if value or tag == "ER")


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    """LaTeX's special characters escaped; letters with accents stay as UTF-8 (the file says so)."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def bibtex(record):
    key = re.sub(r"[^a-z0-9-]", "", record["id"].lower())
    authors = " and ".join("{" + bibtex_escape(a["literal"]) + "}" for a in record["author"])
    fields = [
        ("author", authors),
        ("title", "{" + bibtex_escape(record["title"]) + "}"),  # inner braces keep the title's case
        ("institution", bibtex_escape(record["publisher"])),
        ("type", bibtex_escape(record["genre"])),
        ("year", str(record["issued"]["date-parts"][0][0])),
        ("edition", bibtex_escape(f"Version {record['version']}")),
        ("version", bibtex_escape(record["version"])),
        ("url", record["URL"].replace("{", "%7B").replace("}", "%7D")),
        ("abstract", bibtex_escape(record.get("abstract", ""))),
        ("keywords", bibtex_escape(", ".join(k.strip() for k in record.get("keyword", "").split(";") if k.strip()))),
        ("language", "british"),
        ("copyright", bibtex_escape(record.get("license", ""))),
        ("license", record.get("license", "").replace("{", "%7B").replace("}", "%7D")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@techreport{{{key},\n{body}\n}}\n"


def csl_json(record):
    return json.dumps([record], ensure_ascii=False, indent=2) + "\n"


WRITERS = {"ris": ris, "bib": bibtex, "json": csl_json}


def citation_file(record, extension):
    """(text, media type) of the record as a file."""
    return WRITERS[extension](record), FILE_FORMATS[extension]
