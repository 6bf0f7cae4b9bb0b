"""Say who proposes what, and add the practice the sources describe that the bank cannot tag.

The feature and lever texts (as 0002 seeded them and 0006 reworded them) stated the essay's
conclusions and proposals as if they were established findings or current practice; they now say
"the essay's first feature", "the essay proposes". A text changes only while it still reads as
0006 left it, so an editor's own rewording is kept; reversing restores 0006's text on the same
condition.

Each feature's `practice_notes` (empty until now) receives the partnerships and practices the
sources describe too thinly for a case study, or without showing any feature at work, each naming
its passage (docs/evidence-audit.md). Notes are set only where the field is still empty.
"""

from django.db import migrations

# (model, slug, field, text after 0006, new text)
REWORDINGS = [
    (
        "SuccessFeature",
        "shared-governance",
        "description",
        "Partners govern the work together and each one's core interest is served.",
        "The essay's first feature: partners share governance of the work, and each one's core interest is served.",
    ),
    (
        "SuccessFeature",
        "shared-governance",
        "explanation",
        "The partners share the governance of the work and tie it to the long-term strategic goals of each "
        "organisation. Those goals need not be the same: a university may want to recruit diverse local students "
        "while a trust wants to plan its workforce or strengthen its post-16 offer. The essay argues that building "
        "on each partner's own interest is nothing to be ashamed of, because it is what keeps both committed for "
        "the long term.",
        "The first of five features that Vainker and Slavinsky's essay finds in the partnerships its authors "
        "describe: the partners share the governance of the work and tie it to long-term strategic goals of each "
        "organisation. The essay notes those goals need not match; in its examples the universities want diverse "
        "local students while the trust plans its workforce and its post-16 offer. It argues that building on each "
        "partner's own interest is nothing to be ashamed of, because that interest keeps both committed for the "
        "long term. These are the authors' conclusions from their own partnerships, not a tested finding.",
    ),
    (
        "SuccessFeature",
        "play-to-strengths",
        "description",
        "Work is divided so that each partner does what it is best placed to do.",
        "The essay's second feature: work is divided so that each partner does what it does best.",
    ),
    (
        "SuccessFeature",
        "play-to-strengths",
        "explanation",
        "Roles follow strengths. In the essay's examples the school leads the training, gives one-to-one support, "
        "arranges placements, selects students and hosts visiting ambassadors, while the university leads on "
        "assessment and research and provides its library, a venue for visits and language tutors.",
        "The essay's second feature. In its examples the school leads the training, gives one-to-one support, "
        "arranges placements, selects students and hosts visiting ambassadors, while the university leads on "
        "assessment and research and provides its library, a venue for visits and language tutors. The essay "
        "presents this as what its authors' partnerships do, not as a general finding.",
    ),
    (
        "SuccessFeature",
        "existing-infrastructure",
        "description",
        "The partnership runs on people, buildings and systems the partners already have.",
        "The essay's third feature: the partnership uses people, buildings and systems the partners already have.",
    ),
    (
        "SuccessFeature",
        "existing-infrastructure",
        "explanation",
        "The partners use what they already have as much as possible: teachers who know which pupils would "
        "benefit, school halls, parent-teacher associations, university facilities, admissions teams and academics "
        "teaching their own specialisms. The essay says this keeps the model lean and makes fundraising more "
        "attractive when money is needed.",
        "The essay's third feature: its authors say their partnerships use what the partners already have as much "
        "as possible, such as teachers who know which pupils would benefit, school halls, parent-teacher "
        "associations, university facilities, admissions teams and academics teaching their own specialisms. The "
        "essay argues that this keeps the model lean and makes fundraising more attractive when money is needed.",
    ),
    (
        "SuccessFeature",
        "accountability-impact",
        "description",
        "Partners are explicit about accountability and impact, and no partner marks its own homework.",
        "The essay's fourth feature: partners are explicit about accountability and impact, so no partner marks "
        "its own homework.",
    ),
    (
        "SuccessFeature",
        "accountability-impact",
        "explanation",
        "Working in partnership stops any one organisation marking its own homework. In the essay's examples one "
        "partner quality-assures the teaching the other delivers, and the work counts towards targets in a "
        "university's access and participation plan. The interview study adds an example of tracking: a university "
        "monitoring its outreach against its access targets with the Higher Education Access Tracking system "
        "(HEAT).",
        "The essay's fourth feature. Its authors argue that working in partnership stops any one organisation "
        "marking its own homework; in their examples one partner quality-assures the teaching the other delivers, "
        "and the work counts towards targets in a university's access and participation plan. The interview study "
        "adds one university's account of tracking: it monitors its outreach against its access targets with the "
        "Higher Education Access Tracking system (HEAT).",
    ),
    (
        "SuccessFeature",
        "exciting-accessible",
        "description",
        "The university adds gravitas; the school adds the trust of families.",
        "The essay's fifth feature: the university adds gravitas; the school adds the trust of families.",
    ),
    (
        "SuccessFeature",
        "exciting-accessible",
        "explanation",
        "A university's involvement adds gravitas and standing to an opportunity for groups historically "
        "under-represented in higher education, while the school is trusted by families, who may need a familiar "
        "teacher to explain why something new, such as a modern language or a higher-education qualification, is "
        "worth trying.",
        "The essay's fifth feature. Its authors argue that a university's involvement adds gravitas and standing "
        "to an opportunity for groups historically under-represented in higher education, while the school is "
        "trusted by families, who may need a familiar teacher to explain why something new, such as a modern "
        "language or a higher-education qualification, is worth trying.",
    ),
    (
        "PolicyLever",
        "sharing-what-works",
        "description",
        "Publishing evidence of successful partnerships so that leaders can learn from it.",
        "The essay proposes publishing evidence of successful partnerships so that leaders can learn from it.",
    ),
    (
        "PolicyLever",
        "sharing-what-works",
        "explanation",
        "What-works organisations such as the Education Endowment Foundation spread knowledge of good practice; "
        "this evidence bank works the same way. It is the least stringent lever: it assumes leaders want to act, "
        "so it may reach only the willing, who may not be those most in need.",
        "The first and least stringent of the four levers the essay proposes: using what-works organisations such "
        "as the Education Endowment Foundation to spread good practice; this evidence bank works in the same way. "
        "The essay names its weakness: it assumes leaders want to act, so it may reach only the willing, who may "
        "not be those most in need.",
    ),
    (
        "PolicyLever",
        "leadership-training",
        "description",
        "Building partnership strategy into NPQs and professional development for trust leaders.",
        "The essay proposes building partnership strategy into NPQs and professional development for trust leaders.",
    ),
    (
        "PolicyLever",
        "leadership-training",
        "explanation",
        "Teaching the features of successful partnership in national professional qualifications and other "
        "professional development reaches leaders beyond those already engaged, and the learning is peer-led, "
        "because trusts with established partnerships would help design the training.",
        "The second lever the essay proposes: teaching the features of successful partnership in national "
        "professional qualifications and other professional development. The essay argues this would reach leaders "
        "beyond those already engaged, and that the learning would be peer-led, because trusts with established "
        "partnerships would help design the training.",
    ),
    (
        "PolicyLever",
        "local-convening",
        "description",
        "Local authorities, Opportunity Areas and mayors bring trusts and universities to the table.",
        "The essay proposes that local authorities, Opportunity Areas and mayors bring trusts and universities to "
        "the table.",
    ),
    (
        "PolicyLever",
        "local-convening",
        "explanation",
        "Rather than treating each trust–university link as a bilateral relationship that must keep producing new "
        "programmes, local-authority initiatives, Opportunity Areas and mayors' offices invite trust and "
        "university leaders into the conversation as a matter of course, using existing funding and initiatives, "
        "so that partnership becomes a way of working rather than an initiative.",
        "The third lever the essay proposes. Rather than treating each trust–university link as a bilateral "
        "relationship that must keep producing new programmes, the essay argues that local-authority initiatives, "
        "Opportunity Areas and mayors' offices should invite trust and university leaders into the conversation as "
        "a matter of course, using existing funding and initiatives, so that partnership becomes a way of working "
        "rather than an initiative.",
    ),
    (
        "PolicyLever",
        "inspection-regulation",
        "description",
        "Inspectors report on partnerships, and the rules for academy trusts could require them.",
        "The essay proposes that inspectors report on partnerships and that the rules for academy trusts could "
        "require them.",
    ),
    (
        "PolicyLever",
        "inspection-regulation",
        "explanation",
        "The most stringent lever: inspectors would report on the impact of partnerships on the quality of "
        "education and on students' destinations, and the Academy Trust Handbook could expect trust boards to "
        "include senior leaders from local universities or major employers and name partnership as a form of "
        "engagement. It would focus the whole sector, but risks a proliferation of ineffective initiatives unless "
        "there are more examples of what works and a strong steer on co-production. The essay points to the Office "
        "for Students' expectations of universities' access and participation work as a model.",
        "The most stringent of the four levers the essay proposes: inspectors would report on the impact of "
        "partnerships on the quality of education and on students' destinations, and the Academy Trust Handbook "
        "could expect trust boards to include senior leaders from local universities or major employers and name "
        "partnership as a form of engagement. The essay argues it would focus the whole sector, but warns of a "
        "proliferation of ineffective initiatives unless the sector has more examples of good practice and firm "
        "guidance on co-production. It points to the Office for Students' expectations of universities' access and "
        "participation work as a model. These are proposals, not current requirements.",
    ),
]

PRACTICE_NOTES = {
    "shared-governance": [
        "Joining the Dots. Reach and Royal Holloway brought other universities, schools and young people "
        "together over a series of workshops to design Joining the Dots, which helps students from "
        "non-traditional backgrounds move on to university and is now administered by the Brilliant Club "
        "(the essay, ‘An organic partnership, focused on complex problems’). The essay describes joint "
        "design, not governance shared between the partners, so the bank tags it with no feature.",
        "Matching early-career researchers with teachers. One university asked its early-career researchers "
        "for short biographies, and working groups were then formed through discussion and negotiation with "
        "teachers; the paper reports that teachers, having more say in the activities, felt ‘more "
        "comfortable’ (the interview study, theme 2). This is a way of matching people, not shared governance.",
        "A pooled office in Birmingham. After Aimhigher, several Birmingham institutions put money together "
        "to set up an office, and schools pay a small fee towards what it costs (the interview study, theme 5). "
        "That one sentence is all the paper says; it does not describe who runs the office.",
        "Teacher education under School Direct. A university partnership coordinator said that, in strong "
        "partnerships, schools and the university had designed teacher-education programmes together after "
        "the policy changes (the interview study, theme 1). Designing a programme together is not, on this "
        "evidence, shared governance.",
        "SUPI as a two-way benefit. At one university, researchers taking part in SUPI improved their "
        "presentation and communication skills and gained contact with schools, while teachers refreshed "
        "their subject knowledge and kept in touch with research; a senior lecturer called it ‘a win-win "
        "situation’ (the interview study, theme 5). Each side gained something of its own, but the paper "
        "describes no shared governance.",
    ],
    "play-to-strengths": [
        "Teaching as clinical practice. Over five years one university has moved to a deeper partnership "
        "built on a model of ‘teaching as clinical practice’, working with clusters of schools; a senior "
        "lecturer describes a ‘qualitatively different experience for teachers and university staff’ (the "
        "interview study, theme 1). The paper does not say who does what.",
        "Research development for teachers. Another university used Roberts Agenda funding to set up a "
        "postgraduate certificate in research development and a ‘Becoming an Engaging Researcher’ "
        "programme to involve teachers in research (the interview study, theme 1). The paper gives this one "
        "sentence and names no partner schools.",
        "A school's account of SUPI. A senior teacher said SUPI differed from earlier projects with other "
        "organisations, which had meant much work for the school, because it ‘was tailored to what they [the "
        "school] wanted’ (the interview study, theme 5).",
    ],
    "existing-infrastructure": [
        "Keeping SUPI going after the grant. One university is trying to keep its SUPI work going on a "
        "smaller scale: it paid for one post with the grant, the work takes a great deal of effort and "
        "reaches a handful of schools, and going further will need a schools liaison function (the interview "
        "study, theme 5). The paper does not say whether that happened.",
        "A school that expects to carry on. A school interviewee said their partnership could continue even "
        "without funding, because good relationships were in place and ‘we are working together, developing "
        "the modules and curriculum’ (the interview study, theme 3). It is one view, not an outcome.",
    ],
    "exciting-accessible": [
        "Pre-GCSE choices in Northern Ireland. The paper mentions projects in Northern Ireland that help "
        "pupils with their pre-GCSE choices by improving their understanding of routes into study and work, "
        "which matters more as those choices come earlier (the interview study, theme 1). It names no "
        "partners and gives no detail.",
    ],
}


def reword(apps, schema_editor, forwards=True):
    for model_name, slug, field, before, after in REWORDINGS:
        old, new = (before, after) if forwards else (after, before)
        apps.get_model("casestudies", model_name).objects.filter(slug=slug, **{field: old}).update(**{field: new})


def add_notes(apps, schema_editor):
    reword(apps, schema_editor)
    SuccessFeature = apps.get_model("casestudies", "SuccessFeature")
    for slug, notes in PRACTICE_NOTES.items():
        SuccessFeature.objects.filter(slug=slug, practice_notes="").update(practice_notes="\n\n".join(notes))


def remove_notes(apps, schema_editor):
    reword(apps, schema_editor, forwards=False)
    SuccessFeature = apps.get_model("casestudies", "SuccessFeature")
    for slug, notes in PRACTICE_NOTES.items():
        SuccessFeature.objects.filter(slug=slug, practice_notes="\n\n".join(notes)).update(practice_notes="")


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0013_status_not_reported_and_practice_notes")]

    operations = [migrations.RunPython(add_notes, remove_notes)]
