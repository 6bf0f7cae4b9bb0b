"""Typo correction against the bank's own words: "mathamatics" becomes "mathematics" only when
no case study holds "mathamatics" and one holds "mathematics".

The vocabulary is the words of the published case studies' titles and summaries, the taxonomy
terms, the partner organisations and the synonym groups, read from the facet index, so it is
built once per findable-content token (and follows every publish) and is the same on SQLite and
PostgreSQL. A word is corrected to the vocabulary word nearest to it by Damerau-Levenshtein
distance (at most one edit for words of up to seven letters, two for longer ones), the most
common one when several are as near; words under four letters, numbers, acronyms and English
words (the embedding model's vocabulary) are left as typed.
"""

import threading
from collections import Counter

from ..semantic.embedder import english_words
from .query import STOP_WORDS, parse_query, words_of

MIN_LENGTH = 4
_kept = threading.local()  # the last index's vocabulary, per thread (an index never changes)


def max_edits(word):
    return 1 if len(word) <= 7 else 2


def vocabulary(index):
    """{length: {word: how many case studies, terms or names hold it}} for this facet index."""
    kept = getattr(_kept, "value", None)
    if kept is not None and kept[0] is index:
        return kept[1]
    counts = Counter()
    for words in (index.title_words, index.summary_words):
        counts.update({word: len(pks) for word, pks in words.postings.items()})
    names = [label for options in index.options.values() for _, label in options]
    names += list(index.partners) + [term for group in index.synonyms for term in group]
    counts.update(word for name in names for word in set(words_of(name)))
    by_length = {}
    for word, count in counts.items():
        if len(word) >= MIN_LENGTH - 1 and word.isalpha() and word not in STOP_WORDS:
            by_length.setdefault(len(word), {})[word] = count
    _kept.value = (index, by_length)
    return by_length


def edit_distance(a, b, limit):
    """Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def correction(word, index):
    """The vocabulary word nearest to `word`, or None (a short word, a number, an English word,
    nothing near)."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in english_words():
        return None
    limit = max_edits(word)
    by_length = vocabulary(index)
    best = None
    for length in range(len(word) - limit, len(word) + limit + 1):
        for candidate, count in by_length.get(length, {}).items():
            if candidate[0] != word[0] and candidate[-1] != word[-1]:
                continue  # both ends mistyped: too far from what was meant to guess
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or (distance, -count, candidate) < best):
                best = (distance, -count, candidate)
    return best[2] if best else None


def corrected_query(typed, holds, index, synonyms):
    """`typed` with each one-word concept that no case study holds (`holds(query)` is false)
    replaced by its nearest vocabulary word, parsed again; None when nothing was replaced."""
    changes = {}
    for i, group in enumerate(typed.groups):
        word = group[0]
        if len(group) == 1 and " " not in word and not holds(typed.concept(i)):
            better = correction(word, index)
            if better:
                changes[word] = better
    if not changes:
        return None
    return parse_query(" ".join(changes.get(w, w) for w in words_of(typed.text)), synonyms)
