"""The import's counts as sentences an editor reads: "1 case study will be saved as a draft"."""


def case_studies(count):
    return f"{count} case stud{'y' if count == 1 else 'ies'}"


def listed(parts):
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def counts_sentence(counts, checked):
    """What a file would do (`checked`, a dry run) or did, e.g. 'Of 3 records, 1 case study would
    be created, 1 would be updated and 1 cannot be imported.'"""
    total = sum(counts.values())
    would, fail = ("would be ", "cannot be imported") if checked else ("was ", "could not be imported")
    were = "would be " if checked else "were "
    parts = []
    for outcome, verb in (("created", "created"), ("updated", "updated"), ("unchanged", "left unchanged")):
        n = counts.get(outcome, 0)
        if n:
            parts.append(f"{case_studies(n)} {would if n == 1 else were}{verb}")
    if counts.get("failed"):
        n = counts["failed"]
        parts.append(f"{n} record{'' if n == 1 else 's'} {fail}")
    opening = f"Of {total} record{'' if total == 1 else 's'}, " if total else ""
    return opening + (listed(parts) if parts else "nothing") + "."


def drafts_sentence(count):
    """'1 case study will be saved as a draft and submitted for review; nothing is published.'"""
    drafts = "a draft" if count == 1 else "drafts"
    return f"{case_studies(count)} will be saved as {drafts} and submitted for review; nothing is published."
