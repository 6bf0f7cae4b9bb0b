"""Uploads are limited to the types and sizes the site needs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from editorial.forms import ImportUploadForm


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_import_file_must_be_json():
    form = ImportUploadForm(files={"file": SimpleUploadedFile("records.xlsx", b'{"schema_version": 1}')}, data={})
    assert not form.is_valid()
    assert "Upload a .json file" in str(form.errors)


@pytest.mark.django_db
def test_an_image_of_another_type_or_too_large_is_refused(settings):
    from wagtail.images.forms import get_image_form
    from wagtail.images.models import Image as WagtailImage

    ImageForm = get_image_form(WagtailImage)
    svg = SimpleUploadedFile(
        "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/svg+xml"
    )
    form = ImageForm(data={"title": "Logo"}, files={"file": svg})
    assert not form.is_valid() and "file" in form.errors
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    big = SimpleUploadedFile("photo.png", png_bytes() + b"\0" * 200, content_type="image/png")
    form = get_image_form(WagtailImage)(data={"title": "Photo"}, files={"file": big})
    assert not form.is_valid() and "file" in form.errors
    ok = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    assert get_image_form(WagtailImage)(data={"title": "Photo"}, files={"file": ok}).is_valid()


@pytest.mark.django_db
def test_a_document_of_another_type_or_too_large_is_refused(settings):
    from wagtail.documents.forms import get_document_form
    from wagtail.documents.models import Document

    DocumentForm = get_document_form(Document)
    script = SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    assert "file" in DocumentForm(data={"title": "Run"}, files={"file": script}).errors
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4" + b"x" * 100, content_type="application/pdf")
    assert "file" in get_document_form(Document)(data={"title": "Report"}, files={"file": big}).errors
