"""Turn what a reader typed into a safe Wagtail search query, and mark the words it matched.

Only runs of letters and digits survive from the reader's text, so quotes, `*`, `-`, brackets,
`AND`/`NEAR` and control characters can never reach SQLite FTS5 or PostgreSQL tsquery syntax:
they are searched as the plain words around them. The same query objects (Wagtail's PlainText,
Phrase, And, Or) go to both backends, so both find the same case studies:

- English stop words are dropped here, because PostgreSQL drops them and SQLite would not.
- SQLite's FTS5 index does not stem, so each word is expanded to its common English forms
  (partnership/partnerships, study/studies, train/training/trained); PostgreSQL stems them all
  to one lexeme and is unaffected.
- Synonym groups (editable in the admin) add each other's terms with OR.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.query import And, Or, Phrase, PlainText

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's English stop-word list (the snowball list it drops from tsqueries).
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can did do does doing don down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such t than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with you your yours yourself yourselves s
    """.split()
)


def clean_query(text):
    """Trim to the allowed length and drop control characters; the result is safe to echo back."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def words_of(text):
    return WORD.findall(text.lower())


def word_forms(word):
    """The word and its common English inflections: a light, predictable stand-in for a stemmer."""
    if len(word) < 4 or not word.isalpha():
        return [word]
    stem = word
    if word.endswith("ies") and len(word) > 5:
        stem = word[:-3] + "y"
    elif word.endswith("es") and word[:-2].endswith(("ss", "x", "ch", "sh", "z")):
        stem = word[:-2]
    elif word.endswith("ing") and len(word) >= 6:
        stem = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        stem = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        stem = word[:-1]
    forms = [word, stem]
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        forms.append(stem[:-1] + "ies")
    elif stem.endswith(("s", "x", "ch", "sh")):
        forms.append(stem + "es")
    else:
        forms.append(stem + "s")
    if stem.endswith("e"):
        forms += [stem[:-1] + "ing", stem + "d", stem + "s"]
    else:
        forms += [stem + "ing", stem + "ed", stem + "e", stem + "es"]
    return list(dict.fromkeys(forms))


@dataclass
class ParsedQuery:
    text: str  # the cleaned text, safe to show back to the reader
    groups: list = field(default_factory=list)  # one list of alternative phrases per concept

    @property
    def is_empty(self):
        return not self.groups

    @property
    def words(self):
        return [group[0] for group in self.groups]

    def search_query(self):
        """One And over the concepts, each an Or over its alternatives and their word forms."""
        concepts = [Or([alternative_query(alt) for alt in group]) for group in self.groups]
        return concepts[0] if len(concepts) == 1 else And(concepts)

    def any_word_query(self):
        """One Or over the concepts: case studies holding any of them (a relaxed search)."""
        concepts = [Or([alternative_query(alt) for alt in group]) for group in self.groups]
        return concepts[0] if len(concepts) == 1 else Or(concepts)

    def concept(self, index):
        """The query of one concept alone."""
        return ParsedQuery(text=self.text, groups=[self.groups[index]])

    def highlight_terms(self):
        return {term for group in self.groups for term in self.group_terms(group)}

    @staticmethod
    def group_terms(group):
        """The words (in all their forms) and phrases that show one concept in a text."""
        terms = set()
        for alternative in group:
            words = alternative.split()
            terms.update(word_forms(words[0]) if len(words) == 1 else [alternative])
        return terms


def alternative_query(alternative):
    words = alternative.split()
    if len(words) == 1:
        # One PlainText per form, joined with Or, never PlainText(..., operator="or"): the SQLite
        # FTS5 backend (modelsearch's sqlite/query.py, CombinedLexeme) writes a multi-word
        # PlainText's terms joined by OR without brackets, and FTS5 binds AND before OR, so
        # `qqqnotaword partner` matched every partner. Or() brackets each group on both backends.
        forms = word_forms(words[0])
        return PlainText(forms[0]) if len(forms) == 1 else Or([PlainText(form) for form in forms])
    # Phrases keep their word order; the last word varies in number (modern language/languages).
    return Or([Phrase(" ".join(words[:-1] + [form])) for form in word_forms(words[-1])[:3]])


def parse_query(text, synonym_groups=()):
    """Split the reader's text into concepts, joining multi-word synonyms ('modern languages')."""
    cleaned = clean_query(text)
    words = words_of(cleaned)
    lookup = {}
    for group in synonym_groups:
        usable = [term for term in group if not all(w in STOP_WORDS for w in term.split())]
        for term in group:
            lookup[term] = usable
    longest = max((len(term.split()) for term in lookup), default=1)
    groups = []
    i = 0
    while i < len(words) and len(groups) < MAX_WORDS:
        for size in range(min(longest, len(words) - i), 0, -1):
            candidate = " ".join(words[i : i + size])
            if candidate in lookup and lookup[candidate]:
                group = [candidate] if candidate in lookup[candidate] else []
                group += [t for t in lookup[candidate] if t != candidate]
                groups.append(group)
                i += size
                break
        else:
            if words[i] not in STOP_WORDS:
                groups.append([words[i]])
            i += 1
    return ParsedQuery(text=cleaned, groups=groups)


def terms_pattern(terms):
    """A regex matching any of the words or phrases as whole words, ignoring case."""
    phrases = sorted(terms, key=len, reverse=True)
    return re.compile(
        r"(?<![^\W_])(" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")(?![^\W_])",
        re.IGNORECASE,
    )


def highlight(text, terms):
    """Escape the text, then wrap each matched word or phrase in <mark>. Safe for any input."""
    if not terms:
        return escape(text)
    pattern = terms_pattern(terms)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))
