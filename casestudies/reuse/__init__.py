"""Reuse: everything that lets a reader, a trainer or a tool take the evidence elsewhere.

- `citations/`: one CSL-JSON record per case study and version (`record.py`), formatted by
  citeproc-py (`styles.py`), and the RIS, BibTeX and CSL-JSON files (`files.py`).
- `permanent_links.py`: the permanent links `/cs/<id>/` and versions `/cs/<id>/v/<n>/`, the
  citation and reading-list downloads served from them, and the old addresses that must keep working.
- `embeds.py`: the embeddable card (the only page any site may frame) and the oEmbed endpoint.
- `feeds.py`: the Atom feeds (new evidence, any filtered list, each feature, lever and reading list).
- `discovery.py`: sitemap.xml and robots.txt.
- `templatetags/`: what tools read on a page: canonical links, Open Graph, schema.org JSON-LD
  (`address_tags`), the citation block (`citation_tags`), a reading list's JSON-LD,
  alternates and COinS (`reading_list_tags`).

Reuse reads the content model (`casestudies.models`) and the site address (`casestudies.addresses`);
the published versions and reading lists are model classes there, under the `casestudies` app
label. The open API (`api/`) sits beside this package and uses it. Installed as its own app
(label `reuse`) only so that Django finds its template tags; it has no models."""
