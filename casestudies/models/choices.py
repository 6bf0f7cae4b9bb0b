"""Fixed vocabularies whose slugs are the interchange format's canonical values."""

from django.db import models


class PartnerType(models.TextChoices):
    MAT = "mat", "Multi-academy trust"
    SCHOOL = "school", "School"
    UNIVERSITY = "university", "University"
    FE_COLLEGE = "fe-college", "FE college"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    CHARITY = "charity", "Charity or third sector"
    EMPLOYER = "employer", "Employer"
    FUNDER = "funder", "Funder or research council"
    PROFESSIONAL_BODY = "professional-body", "Professional body"
    OTHER = "other", "Other"


class Status(models.TextChoices):
    PILOT = "pilot", "Pilot"
    ESTABLISHED = "established", "Established"
    SCALED = "scaled", "Scaled"
    ENDED = "ended", "Ended"


class Formality(models.TextChoices):
    INFORMAL = "informal", "Informal relationship"
    MOU = "mou", "Memorandum of understanding"
    CONTRACT = "contract", "Formal contract or delivery-partner agreement"
    JOINT_BOARD = "joint-board", "Joint governance board"
    STRUCTURAL = "structural", "Structural tie (sponsored academy, UTC)"


class FundingModel(models.TextChoices):
    CORE_BUDGETS = "core-budgets", "Core budgets"
    GRANT = "grant", "Time-limited grant"
    POOLED_FUND = "pooled-fund", "Pooled fund"
    FEE_BASED = "fee-based", "Fee-based"
    MIXED = "mixed", "Mixed"


class EvidenceType(models.IntegerChoices):
    """The Office for Students' standards of evidence."""

    NARRATIVE = 1, "Type 1: narrative"
    EMPIRICAL = 2, "Type 2: empirical enquiry"
    CAUSAL = 3, "Type 3: causal claims"

    @property
    def explanation(self):
        return EVIDENCE_TYPE_EXPLANATIONS[self.value]


EVIDENCE_TYPE_EXPLANATIONS = {
    1: "A coherent account of what was done and why it should work, without data showing change.",
    2: "Data collected before and after, or over time, showing that something changed.",
    3: "A comparison group or trial that attributes the change to the partnership.",
}


class RegionKind(models.TextChoices):
    NATION = "nation", "Nation of the UK"
    ENGLISH_REGION = "english-region", "Region of England"
    UK_WIDE = "uk-wide", "UK-wide"
