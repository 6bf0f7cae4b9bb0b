"""The shipped JSON Schema, the example file and the importer agree with each other."""

import json
from pathlib import Path

import jsonschema
import pytest

from casestudies.interchange import CANONICAL_SLUGS, SCHEMA_PATH, import_records
from home.demo import DEMO_DIR

pytestmark = pytest.mark.database_agnostic

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "interchange-example.json"


def schema():
    return json.loads(SCHEMA_PATH.read_text())


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_schema_lists_exactly_the_canonical_slugs():
    defs = schema()["$defs"]
    props = defs["case_study"]["properties"]
    assert props["policy_levers"]["items"]["enum"] == CANONICAL_SLUGS["policy_levers"]
    assert props["region"]["enum"][:-1] == CANONICAL_SLUGS["region"]
    assert defs["partner"]["properties"]["type"]["enum"][:-1] == CANONICAL_SLUGS["partner_type"]
    assert defs["feature_evidence"]["properties"]["feature"]["enum"] == CANONICAL_SLUGS["success_features"]


@pytest.mark.parametrize("path", [EXAMPLE, DEMO_DIR / "case_studies.json"], ids=["example", "demo"])
def test_example_and_demo_files_are_valid(path):
    jsonschema.validate(json.loads(path.read_text()), schema())


@pytest.mark.django_db
def test_example_file_imports_without_errors(index_page):
    records = json.loads(EXAMPLE.read_text())["case_studies"]
    results = import_records(records, index_page)
    assert [r.outcome for r in results] == ["created", "created"]
