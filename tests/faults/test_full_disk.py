"""A full disk or a read-only media folder during an upload: the editor is told, and nothing is
half stored (no row pointing to a missing file, no partial file).

The faults are real: a 64 KB tmpfs (full after 64 KB) and a read-only tmpfs, mounted for the
test. Tests run as root, for whom chmod does not stop a write, so a mount is the real way to
get EROFS and ENOSPC; where mounting is not allowed (no CAP_SYS_ADMIN) the tests skip, saying so.
"""

import html
import io
import json
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from editorial.models import ImportJob
from tests.factories import case_study_record

pytestmark = pytest.mark.django_db

MESSAGE = "The file could not be stored: the server's file storage is full or cannot be written to"


def mounted(folder, options):
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, text=True
    )
    if result.returncode:
        pytest.skip(f"cannot mount a small file system here ({result.stderr.strip()}); needs CAP_SYS_ADMIN")
    return folder


@pytest.fixture
def full_disk(tmp_path):
    folder = mounted(tmp_path / "full", "size=64k")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only_disk(tmp_path):
    folder = mounted(tmp_path / "read-only", "size=1m,ro")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def files_in(folder):
    return [os.path.join(d, f) for d, _, names in os.walk(folder) for f in names]


def test_a_document_on_a_full_disk_is_refused_with_a_message_and_leaves_no_partial_file(
    editor_client, settings, full_disk
):
    settings.MEDIA_ROOT = str(full_disk)
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + os.urandom(200_000), content_type="application/pdf")
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Annual report", "file": report, "collection": Collection.get_first_root_node().pk},
        follow=True,
    )
    assert response.status_code == 200 and MESSAGE in html.unescape(response.content.decode())
    assert "No space left on device" in html.unescape(response.content.decode())
    assert not Document.objects.exists()
    assert files_in(full_disk) == []


def test_an_image_on_a_read_only_media_folder_gets_the_uploaders_message_and_no_row(
    editor_client, settings, read_only_disk
):
    settings.MEDIA_ROOT = str(read_only_disk)
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    photo = SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": photo}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    answer = response.json()
    assert answer["success"] is False and MESSAGE in html.unescape(answer["error_message"])
    assert "Read-only file system" in answer["error_message"]
    assert not Image.objects.exists()
    assert files_in(read_only_disk) == []


def test_an_import_file_too_big_for_the_full_temporary_folder_is_refused_with_a_message(
    editor_client, settings, full_disk, index_page
):
    settings.FILE_UPLOAD_TEMP_DIR = str(full_disk)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # larger uploads go to a temporary file
    records = [case_study_record(summary="x" * 390) for _ in range(300)]
    body = json.dumps({"schema_version": 1, "case_studies": records}).encode()
    assert len(body) > 100_000
    upload = SimpleUploadedFile("cases.json", body, content_type="application/json")
    response = editor_client.post(reverse("editorial:import"), {"file": upload}, follow=True)
    assert response.status_code == 200 and MESSAGE in html.unescape(response.content.decode())
    assert not ImportJob.objects.exists()
    assert files_in(full_disk) == []
