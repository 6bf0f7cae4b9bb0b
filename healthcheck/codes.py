"""The result address: `?r=<version>-<answers>` plus the context as the finder's parameters
(`phase`, `region`, `purpose`, `partner_type`), e.g.

    /health-check/result/?r=1-012301230123012&phase=secondary&region=london

One digit per statement, in the set's answering order: 0 not yet, 1 starting, 2 mostly,
3 fully. Nothing about the reader is stored anywhere; the address is the result.

Decoding never raises: a bad address gives a `BadCode` with a message for the reader."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

MAX_CODE = 200
CODE = re.compile(r"^v?(\d{1,6})[-.:]([^\s]*)$")


class BadCode(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Decoded:
    version: int
    answers: list  # 0–3, or None where the character was not an answer
    unrecognised: int


def encode(version, answers):
    return f"{version}-{''.join(str(a) for a in answers)}"


def parse(code):
    """'1-0123…' → (version, answer characters), or BadCode."""
    code = (code or "").strip()
    if not code:
        raise BadCode("This result address has no answers in it.")
    if len(code) > MAX_CODE:
        raise BadCode("This result address is too long to be one of ours.")
    match = CODE.match(code)
    if match is None:
        raise BadCode("This result address is not in the form we make, so it may have been cut short or changed.")
    return int(match.group(1)), match.group(2)


def decode_answers(characters, expected):
    """Answer characters for a set of `expected` statements → Decoded (without the version)."""
    if len(characters) < expected:
        raise BadCode(
            f"This result address has {len(characters)} answers but the check it was made with has {expected}: "
            "it looks cut short."
        )
    if len(characters) > expected:
        raise BadCode(
            f"This result address has {len(characters)} answers but the check it was made with has {expected}."
        )
    answers = [int(c) if c in "0123" else None for c in characters]
    return answers, sum(1 for a in answers if a is None)


def code_from_pasted(text):
    """A result code from what a reader pasted: a whole result address or the code alone.
    Returns (code, context query dict)."""
    text = (text or "").strip()[:2000]
    if "?" in text or text.startswith(("http://", "https://", "/")):
        query = parse_qs(urlsplit(text).query)
    elif "=" in text:
        query = parse_qs(text)
    else:
        return text, {}
    return (query.get("r") or [""])[0], query
