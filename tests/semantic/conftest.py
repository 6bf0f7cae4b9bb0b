import pytest

from casestudies.semantic import embedder as embedder_module


@pytest.fixture(scope="session")
def model():
    """The real model, loaded once for the session (it stays loaded in the process)."""
    loaded = embedder_module.embedder()
    assert loaded is not None, "the model packages of requirements-model.txt are not installed"
    return loaded


@pytest.fixture
def embedding(settings, model):
    """Case studies are embedded when published, as in development (test settings turn it off)."""
    settings.SEMANTIC_EMBED_ON_PUBLISH = True
    return model
