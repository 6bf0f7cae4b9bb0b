from django import template

from casestudies.models.choices import EvidenceType

register = template.Library()


@register.inclusion_tag("includes/evidence_scale.html")
def evidence_scale(evidence_type):
    """The Office for Students' three evidence types as a labelled scale, this case's marked in words."""
    return {
        "current": evidence_type,
        "steps": [(t.value, t.label, t.explanation) for t in EvidenceType],
        "total": len(EvidenceType),
    }
