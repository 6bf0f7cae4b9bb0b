"""Reading settings from the environment, so production settings fail with one clear line."""

import os
import sys

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def required(name, explain):
    """The variable's value, or stop start-up with one line naming it (no traceback)."""
    value = os.environ.get(name, "").strip()
    if not value:
        sys.stderr.write(f"Configuration error: {name} is not set ({explain}).\n")
        raise SystemExit(78)  # EX_CONFIG
    return value


def text(name, default=""):
    return os.environ.get(name, default).strip()


def flag(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    sys.stderr.write(f"Configuration error: {name} must be 1 or 0, not {value!r}.\n")
    raise SystemExit(78)


def integer(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        sys.stderr.write(f"Configuration error: {name} must be a whole number, not {value!r}.\n")
        raise SystemExit(78) from None


def items(name, default=""):
    """A comma-separated list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def people(name):
    """`Name <address>, Other <address>` or bare addresses, as Django's ADMINS pairs."""
    found = []
    for entry in items(name):
        if "<" in entry and entry.endswith(">"):
            who, address = entry[:-1].split("<", 1)
            found.append((who.strip() or address.strip(), address.strip()))
        else:
            found.append((entry, entry))
    return found


def choice(name, choices, default):
    """One of `choices` (case-insensitive), or stop start-up with one line listing them."""
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        invalid(name, f"must be one of {', '.join(choices)}, not {value!r}")
    return value


def invalid(name, explain):
    """Stop start-up with one line: `Configuration error: NAME explain.`"""
    sys.stderr.write(f"Configuration error: {name} {explain}.\n")
    raise SystemExit(78)
