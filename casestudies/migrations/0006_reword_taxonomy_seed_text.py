"""Reword the seeded taxonomy text so that it says only what the sources say.

Migration 0002 seeded the success features, policy levers and barriers with wording that
added small embellishments the essay does not make (for example "the division is agreed at
the start", "lasts longer", "reaches people that neither partner would reach alone") and
expanded HEAT as the "Higher Education Access Tracker" (it is the Higher Education Access
Tracking system, and it comes from the interview study, not the essay). See
docs/evidence-audit.md for each change and the passage it rests on.

Wording only: slugs, names and order are unchanged. A text is replaced only while it still
reads exactly as 0002 seeded it, so an editor's own rewording is never overwritten; reversing
the migration restores 0002's text under the same condition.
"""

from django.db import migrations

# (model, slug, field, text seeded by 0002, new text)
REWORDINGS = [
    (
        "SuccessFeature", "shared-governance", "explanation",
        "The partners decide together, at senior level, and tie the work to the long-term goals of "
        "each organisation. Those goals need not be the same: a university may want to recruit "
        "diverse local students while a trust wants to plan its workforce or widen its post-16 "
        "offer. Building on each partner's own interest is no weakness; it is what keeps both "
        "committed after the first enthusiasm fades.",
        "The partners share the governance of the work and tie it to the long-term strategic goals "
        "of each organisation. Those goals need not be the same: a university may want to recruit "
        "diverse local students while a trust wants to plan its workforce or strengthen its post-16 "
        "offer. The essay argues that building on each partner's own interest is nothing to be "
        "ashamed of, because it is what keeps both committed for the long term.",
    ),
    (
        "SuccessFeature", "play-to-strengths", "explanation",
        "Roles follow strengths. A school or trust may recruit learners, teach, support and arrange "
        "placements, while the university assesses, quality-assures, researches and opens its "
        "facilities. Neither tries to become the other, and the division is agreed at the start.",
        "Roles follow strengths. In the essay's examples the school leads the training, gives "
        "one-to-one support, arranges placements, selects students and hosts visiting "
        "ambassadors, while the university leads on assessment and research and provides its "
        "library, a venue for visits and language tutors.",
    ),
    (
        "SuccessFeature", "existing-infrastructure", "explanation",
        "Teachers who know which pupils would benefit, school halls, parent-teacher associations, "
        "university facilities, admissions teams and academics' own specialisms are used before "
        "anything new is built. A lean model costs less, lasts longer and makes fundraising easier "
        "when money is needed.",
        "The partners use what they already have as much as possible: teachers who know which "
        "pupils would benefit, school halls, parent-teacher associations, university facilities, "
        "admissions teams and academics teaching their own specialisms. The essay says this keeps "
        "the model lean and makes fundraising more attractive when money is needed.",
    ),
    (
        "SuccessFeature", "accountability-impact", "description",
        "Targets and measures are agreed, and no partner marks its own homework.",
        "Partners are explicit about accountability and impact, and no partner marks its own homework.",
    ),
    (
        "SuccessFeature", "accountability-impact", "explanation",
        "The partners say what success looks like and check it together: one partner "
        "quality-assures the other's delivery, targets are tied to commitments such as a "
        "university's access and participation plan, and outcomes are tracked, for example "
        "through the Higher Education Access Tracker (HEAT).",
        "Working in partnership stops any one organisation marking its own homework. In the "
        "essay's examples one partner quality-assures the teaching the other delivers, and the "
        "work counts towards targets in a university's access and participation plan. The "
        "interview study adds an example of tracking: a university monitoring its outreach "
        "against its access targets with the Higher Education Access Tracking system (HEAT).",
    ),
    (
        "SuccessFeature", "exciting-accessible", "explanation",
        "A university's involvement makes an opportunity feel significant to groups who are "
        "under-represented in higher education, while the school's familiar staff reassure "
        "families about trying something new. The combination reaches people that neither "
        "partner would reach alone.",
        "A university's involvement adds gravitas and standing to an opportunity for groups "
        "historically under-represented in higher education, while the school is trusted by "
        "families, who may need a familiar teacher to explain why something new, such as a modern "
        "language or a higher-education qualification, is worth trying.",
    ),
    (
        "PolicyLever", "sharing-what-works", "explanation",
        "Evidence banks and what-works organisations spread knowledge of partnerships that worked. "
        "It is the lightest lever: it relies on leaders' own motivation, so it reaches the willing, "
        "who may not be those most in need.",
        "What-works organisations such as the Education Endowment Foundation spread knowledge of "
        "good practice; this evidence bank works the same way. It is the least stringent lever: it "
        "assumes leaders want to act, so it may reach only the willing, who may not be those most "
        "in need.",
    ),
    (
        "PolicyLever", "leadership-training", "explanation",
        "Teaching the features of successful partnership in national professional qualifications "
        "and other leadership courses reaches leaders who are not yet engaged, and lets trusts "
        "with established partnerships teach their peers.",
        "Teaching the features of successful partnership in national professional qualifications "
        "and other professional development reaches leaders beyond those already engaged, and the "
        "learning is peer-led, because trusts with established partnerships would help design the "
        "training.",
    ),
    (
        "PolicyLever", "local-convening", "explanation",
        "Rather than asking each trust and university to invent bilateral programmes, local bodies "
        "invite both into existing forums and initiatives as civic partners, so that partnership "
        "becomes a way of working rather than a one-off project.",
        "Rather than treating each trust–university link as a bilateral relationship that must keep "
        "producing new programmes, local-authority initiatives, Opportunity Areas and mayors' "
        "offices invite trust and university leaders into the conversation as a matter of course, "
        "using existing funding and initiatives, so that partnership becomes a way of working "
        "rather than an initiative.",
    ),
    (
        "PolicyLever", "inspection-regulation", "description",
        "Inspection frameworks and trust handbooks report on, or require, partnership.",
        "Inspectors report on partnerships, and the rules for academy trusts could require them.",
    ),
    (
        "PolicyLever", "inspection-regulation", "explanation",
        "The most stringent lever: inspectors would report on the impact of partnerships, and the "
        "rules for academy trusts could expect partnership with universities or employers. It "
        "would focus the whole sector, but risks a rush of box-ticking initiatives unless "
        "good examples and a clear method of co-production are available.",
        "The most stringent lever: inspectors would report on the impact of partnerships on the "
        "quality of education and on students' destinations, and the Academy Trust Handbook could "
        "expect trust boards to include senior leaders from local universities or major employers "
        "and name partnership as a form of engagement. It would focus the whole sector, but risks "
        "a proliferation of ineffective initiatives unless there are more examples of what works "
        "and a strong steer on co-production. The essay points to the Office for Students' "
        "expectations of universities' access and participation work as a model.",
    ),
    (
        "Barrier", "culture", "description",
        "Schools and universities value and reward different things.",
        "Schools and universities work differently and understand little of how the other works.",
    ),
    (
        "Barrier", "timetables", "description",
        "Terms, timetables and exam seasons do not line up.",
        "The rhythms of the school and university year, and school timetables, do not line up.",
    ),
    (
        "Barrier", "vetting-logistics", "description",
        "Safeguarding checks, travel and venues take effort.",
        "Vetting checks and other practicalities take time and money.",
    ),
    (
        "Barrier", "no-entry-point", "description",
        "It is hard to know whom to contact on the other side.",
        "There is no single, obvious way into the other organisation.",
    ),
]


def _apply(apps, forwards):
    for model_name, slug, field, seeded, reworded in REWORDINGS:
        old, new = (seeded, reworded) if forwards else (reworded, seeded)
        model = apps.get_model("casestudies", model_name)
        model.objects.filter(slug=slug, **{field: old}).update(**{field: new})


def reword(apps, schema_editor):
    _apply(apps, forwards=True)


def restore(apps, schema_editor):
    _apply(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0005_findable_version")]

    operations = [migrations.RunPython(reword, restore)]
