from .case_study import CaseStudyPage
from .case_study_rows import CaseStudyFeatureEvidence, CaseStudyPartner, CaseStudySource, ImpactMeasure, RelatedDocument
from .choices import EvidenceType, Formality, FundingModel, Licence, PartnerType, RegionKind, Status
from .findable import FindableChange, FindableVersion, private_section_paths, readable
from .index_page import CaseStudyIndexPage
from .organisations import PartnerOrganisation
from .quality import RULES as QUALITY_RULES
from .quality import QualityWarning, quality_warnings
from .reading_lists import ReadingListIndexPage, ReadingListItem, ReadingListPage
from .synonyms import SynonymGroup
from .taxonomy import Barrier, Phase, PolicyLever, Purpose, Region, SuccessFeature
from .vectors import CaseStudyVector
from .versions import PublishedVersion

__all__ = [
    "private_section_paths",
    "readable",
    "Barrier",
    "CaseStudyFeatureEvidence",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPartner",
    "CaseStudyVector",
    "CaseStudySource",
    "EvidenceType",
    "FindableChange",
    "FindableVersion",
    "Formality",
    "FundingModel",
    "ImpactMeasure",
    "Licence",
    "PartnerOrganisation",
    "PartnerType",
    "Phase",
    "PolicyLever",
    "QUALITY_RULES",
    "QualityWarning",
    "PublishedVersion",
    "Purpose",
    "ReadingListIndexPage",
    "ReadingListItem",
    "ReadingListPage",
    "Region",
    "RegionKind",
    "RelatedDocument",
    "Status",
    "SuccessFeature",
    "SynonymGroup",
    "quality_warnings",
]
