import json

import pytest
from django.conf import settings

from casestudies.sourcecheck import SourcesMissing, library
from home.demo import DEMO_DIR


@pytest.fixture(scope="session")
def lib():
    """The two source documents, from `shared/seeds` beside the repository (CI clones the
    repository with `shared/` beside it) or EVIDENCE_SOURCES_DIR. Missing sources fail the run:
    the checks below would otherwise pass by checking nothing."""
    try:
        return library()
    except SourcesMissing as exc:
        pytest.fail(
            f"{exc} The evidence tests read the sources from {settings.EVIDENCE_SOURCES_DIR}: put the "
            "shared/ folder beside the repository, or set EVIDENCE_SOURCES_DIR to the folder holding them."
        )


def demo(name):
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))
