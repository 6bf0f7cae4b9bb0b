"""The interchange format served as a file: published pages as JSON or CSV, ready to download."""

import json

from django.http import HttpResponse

from .exporting import export_document, export_queryset, write_csv

FILE_FORMATS = ("json", "csv")


def export_response(selected, file_format):
    """The pages of the queryset `selected` (their pks are read) as a `case-studies.json` or
    `case-studies.csv` attachment."""
    pages = export_queryset(selected.values("pk"))
    if file_format == "json":
        body = json.dumps(export_document(pages), ensure_ascii=False, indent=2) + "\n"
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # a byte-order mark so spreadsheet programs read UTF-8
        write_csv(pages, response)
    response["Content-Disposition"] = f'attachment; filename="case-studies.{file_format}"'
    return response
