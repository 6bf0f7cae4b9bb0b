"""Semantic search: a sentence-embedding model run locally (embedder.py), the passages of each
live case study and their vectors (passages.py, vectors.py), and the case studies closest in
meaning to a reader's question (ranking.py), which the finder fuses with its keyword ranking."""
