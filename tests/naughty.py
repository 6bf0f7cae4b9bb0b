"""The Big List of Naughty Strings (tests/data/blns.txt, MIT licence), for bad-input tests."""

from pathlib import Path

BLNS_PATH = Path(__file__).resolve().parent / "data" / "blns.txt"


def naughty_strings():
    lines = BLNS_PATH.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]
