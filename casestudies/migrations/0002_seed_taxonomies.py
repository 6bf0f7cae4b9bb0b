"""Seed the canonical taxonomies. Slugs are the interchange format's and never change;
the wording here is the starting point that editors may refine."""

from django.db import migrations

SUCCESS_FEATURES = [
    (
        "shared-governance",
        "Shared governance around long-term strategic goals",
        "Partners govern the work together and each one's core interest is served.",
        "The partners decide together, at senior level, and tie the work to the long-term goals of "
        "each organisation. Those goals need not be the same: a university may want to recruit "
        "diverse local students while a trust wants to plan its workforce or widen its post-16 "
        "offer. Building on each partner's own interest is no weakness; it is what keeps both "
        "committed after the first enthusiasm fades.",
    ),
    (
        "play-to-strengths",
        "Each partner does what it does best",
        "Work is divided so that each partner does what it is best placed to do.",
        "Roles follow strengths. A school or trust may recruit learners, teach, support and arrange "
        "placements, while the university assesses, quality-assures, researches and opens its "
        "facilities. Neither tries to become the other, and the division is agreed at the start.",
    ),
    (
        "existing-infrastructure",
        "Use existing infrastructure",
        "The partnership runs on people, buildings and systems the partners already have.",
        "Teachers who know which pupils would benefit, school halls, parent-teacher associations, "
        "university facilities, admissions teams and academics' own specialisms are used before "
        "anything new is built. A lean model costs less, lasts longer and makes fundraising easier "
        "when money is needed.",
    ),
    (
        "accountability-impact",
        "Explicit accountability and impact measurement",
        "Targets and measures are agreed, and no partner marks its own homework.",
        "The partners say what success looks like and check it together: one partner "
        "quality-assures the other's delivery, targets are tied to commitments such as a "
        "university's access and participation plan, and outcomes are tracked, for example "
        "through the Higher Education Access Tracker (HEAT).",
    ),
    (
        "exciting-accessible",
        "Exciting and accessible",
        "The university adds gravitas; the school adds the trust of families.",
        "A university's involvement makes an opportunity feel significant to groups who are "
        "under-represented in higher education, while the school's familiar staff reassure "
        "families about trying something new. The combination reaches people that neither "
        "partner would reach alone.",
    ),
]

POLICY_LEVERS = [
    (
        "sharing-what-works",
        "Sharing what works",
        "Publishing evidence of successful partnerships so that leaders can learn from it.",
        "Evidence banks and what-works organisations spread knowledge of partnerships that worked. "
        "It is the lightest lever: it relies on leaders' own motivation, so it reaches the willing, "
        "who may not be those most in need.",
    ),
    (
        "leadership-training",
        "Training MAT leadership in partnership strategy",
        "Building partnership strategy into NPQs and professional development for trust leaders.",
        "Teaching the features of successful partnership in national professional qualifications "
        "and other leadership courses reaches leaders who are not yet engaged, and lets trusts "
        "with established partnerships teach their peers.",
    ),
    (
        "local-convening",
        "Locally convened interventions",
        "Local authorities, Opportunity Areas and mayors bring trusts and universities to the table.",
        "Rather than asking each trust and university to invent bilateral programmes, local bodies "
        "invite both into existing forums and initiatives as civic partners, so that partnership "
        "becomes a way of working rather than a one-off project.",
    ),
    (
        "inspection-regulation",
        "Inspection and regulation",
        "Inspection frameworks and trust handbooks report on, or require, partnership.",
        "The most stringent lever: inspectors would report on the impact of partnerships, and the "
        "rules for academy trusts could expect partnership with universities or employers. It "
        "would focus the whole sector, but risks a rush of box-ticking initiatives unless "
        "good examples and a clear method of co-production are available.",
    ),
]

PURPOSES = [
    ("teacher-workforce", "Initial teacher education and workforce pathways"),
    ("widening-participation", "Widening participation and access"),
    ("transition-to-he", "Transition to higher education"),
    ("subject-enrichment", "Subject enrichment (modern languages, STEM)"),
    ("teacher-cpd", "Teacher professional development (CPD)"),
    ("research-engagement", "Research engagement"),
    ("early-years-family", "Early years and family support"),
    ("send", "Special educational needs and disabilities (SEND)"),
    ("civic-community", "Civic and community anchor work"),
]

PHASES = [
    ("early-years", "Early years"),
    ("primary", "Primary"),
    ("secondary", "Secondary"),
    ("post-16", "Post-16"),
    ("further-education", "Further education"),
    ("higher-education", "Higher education"),
]

REGIONS = [
    ("north-east", "North East", "english-region"),
    ("north-west", "North West", "english-region"),
    ("yorkshire-humber", "Yorkshire and the Humber", "english-region"),
    ("east-midlands", "East Midlands", "english-region"),
    ("west-midlands", "West Midlands", "english-region"),
    ("east-of-england", "East of England", "english-region"),
    ("london", "London", "english-region"),
    ("south-east", "South East", "english-region"),
    ("south-west", "South West", "english-region"),
    ("scotland", "Scotland", "nation"),
    ("wales", "Wales", "nation"),
    ("northern-ireland", "Northern Ireland", "nation"),
    ("uk-wide", "UK-wide", "uk-wide"),
]

BARRIERS = [
    ("culture", "Different cultures", "Schools and universities value and reward different things."),
    ("timetables", "Timetables and calendars", "Terms, timetables and exam seasons do not line up."),
    ("staff-time", "Staff time and release", "Teachers and academics cannot easily be released."),
    ("funding-uncertainty", "Funding uncertainty", "Short-term or uncertain money makes plans fragile."),
    ("staff-turnover", "Staff turnover", "Key people move on and relationships lapse."),
    ("vetting-logistics", "Vetting and logistics", "Safeguarding checks, travel and venues take effort."),
    ("policy-churn", "Policy churn", "National policy and funding schemes change often."),
    ("no-entry-point", "No single entry point", "It is hard to know whom to contact on the other side."),
]


def seed(apps, schema_editor):
    def put(model_name, rows):
        model = apps.get_model("casestudies", model_name)
        for order, fields in enumerate(rows, start=1):
            model.objects.update_or_create(slug=fields["slug"], defaults={**fields, "sort_order": order})

    put("SuccessFeature", [dict(slug=s, name=n, description=d, explanation=e) for s, n, d, e in SUCCESS_FEATURES])
    put("PolicyLever", [dict(slug=s, name=n, description=d, explanation=e) for s, n, d, e in POLICY_LEVERS])
    put("Purpose", [dict(slug=s, name=n) for s, n in PURPOSES])
    put("Phase", [dict(slug=s, name=n) for s, n in PHASES])
    put("Region", [dict(slug=s, name=n, kind=k) for s, n, k in REGIONS])
    put("Barrier", [dict(slug=s, name=n, description=d) for s, n, d in BARRIERS])


def unseed(apps, schema_editor):
    for name in ("SuccessFeature", "PolicyLever", "Purpose", "Phase", "Region", "Barrier"):
        apps.get_model("casestudies", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
