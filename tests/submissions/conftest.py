import pytest

from tests.editorial.conftest import (  # noqa: F401 (the editorial roles' fixtures)
    editor,
    editor_in_group_client,
    moderator,
    moderator_client,
)

VALID = {
    "title": "Riverside maths partnership",
    "partners": "Riverside Academy Trust (trust)\nUniversity of Riverside (university)",
    "activity": "The university's maths department trains the trust's teachers.\n\nTeachers observe lectures.",
    "features": ["play-to-strengths", "shared-governance"],
    "features_why": "Each partner does what it does best; a joint board meets termly.",
    "impact": "Maths GCSE passes rose from 52% to 61% (trust records, 2024).",
    "links": "https://example.org/evaluation.pdf",
    "name": "Priya Contactperson",
    "role": "Head of maths",
    "organisation": "Riverside Academy Trust Secretariat",
    "email": "priya.contact@riverside.example",
    "website": "",
}
CONTACT_DETAILS = ("Priya Contactperson", "priya.contact@riverside.example", "Riverside Academy Trust Secretariat")


@pytest.fixture
def valid():
    return {**VALID}
