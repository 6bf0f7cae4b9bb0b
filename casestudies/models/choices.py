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
    NOT_REPORTED = "not-reported", "Not reported"


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


class Licence(models.TextChoices):
    """The licence a case study's text is published under (default CC BY 4.0)."""

    CC_BY = "cc-by-4.0", "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    CC_BY_SA = "cc-by-sa-4.0", "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"
    CC_BY_NC = "cc-by-nc-4.0", "Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)"
    OGL = "ogl-uk-3.0", "Open Government Licence v3.0"

    @property
    def url(self):
        return LICENCE_URLS[self.value]

    @property
    def short_name(self):
        return LICENCE_SHORT_NAMES[self.value]


LICENCE_URLS = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "ogl-uk-3.0": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
LICENCE_SHORT_NAMES = {
    "cc-by-4.0": "CC BY 4.0",
    "cc-by-sa-4.0": "CC BY-SA 4.0",
    "cc-by-nc-4.0": "CC BY-NC 4.0",
    "ogl-uk-3.0": "OGL v3.0",
}
