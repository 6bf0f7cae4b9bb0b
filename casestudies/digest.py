"""One digest for every key made from text: the response cache's addresses, the result cards'
highlighted words, the kept full-text matches."""

import hashlib


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
