"""The fifteen seeded statements (three per success feature), with guidance in our own words and
the passage each comes from. Used by migration 0002 and listed in docs/health-check-sources.md.
A changed wording here is not applied to a database that already has statements: version 1
(STATEMENTS, seeded by migration 0002) stays as it was; version 2 follows below."""

ESSAY = "Vainker and Slavinsky (2024), University-schools collaboration (UPP Foundation)"
STUDY = "SUPI Learning Project, Findings from the interviews and survey (2014)"

STATEMENTS = [
    (
        "shared-governance",
        "Senior leaders from each partner sit on one group that takes the partnership's decisions.",
        "In Feltham, senior leaders of both universities joined the convening partnership's steering group; "
        "the essay credits executive leaders on both sides with turning a transactional relationship into one "
        "that found new opportunities.",
        f"{ESSAY}: 'An organic partnership, focused on complex problems' (the vice-principal joins the steering group).",
    ),
    (
        "shared-governance",
        "Each partner can name the long-term goal of its own that the partnership serves, even where our goals differ.",
        "The essay argues that a partnership lasts when it serves each partner's core purpose: the universities "
        "wanted more diverse local applicants, the trust a workforce pipeline and a post-16 offer. Self-interest "
        "is what keeps both committed.",
        f"{ESSAY}: 'Features of successful partnerships', first feature.",
    ),
    (
        "shared-governance",
        "We plan activities together from the start, with equally senior people in the room, rather than one "
        "partner offering what suits it.",
        "Co-production means setting aside a prior agenda, listening to the other partner's needs and capacity, "
        "and sharing responsibility when something needs to change. Joining the Dots came out of such workshops.",
        f"{ESSAY}: 'An organic partnership, focused on complex problems' (co-production and Joining the Dots).",
    ),
    (
        "play-to-strengths",
        "Each partner leads on the part of the work it is best placed to do, and who does what is written down.",
        "In the foundation-degree partnership the trust ran the training and placements and the university "
        "led assessment and research; in Languages For All the university hosted trips and tutors while schools "
        "chose the pupils.",
        f"{ESSAY}: 'Features of successful partnerships', second feature.",
    ),
    (
        "play-to-strengths",
        "What we do together is shaped around what our schools need, not a standard offer repeated each year.",
        "The interviews describe the old pattern as a one-way street of annual invitations; a project worked "
        "when it was tailored to what the school wanted, and teachers had a say in designing it.",
        f"{STUDY}: themes 1 (the 'one way street') and 5 (a project 'tailored to what the school wanted').",
    ),
    (
        "play-to-strengths",
        "We understand how the other partner works: its calendar, its pressures and what its staff are expected to do.",
        "Schools and universities run to different rhythms: schools need results quickly, universities plan "
        "over years, and adding an activity to a school timetable can take nine to twelve months. Knowing this "
        "up front avoids clashes.",
        f"{STUDY}: theme 2 (mismatched rhythms, staff time and timetable lead times).",
    ),
    (
        "existing-infrastructure",
        "We use what each partner already has (teachers who know the pupils, halls, parent groups, university "
        "facilities, admissions teams, academics) before buying anything new.",
        "The essay's partnerships lean on existing people and buildings, which keeps the model lean and makes "
        "raising money easier when it is needed.",
        f"{ESSAY}: 'Features of successful partnerships', third feature.",
    ),
    (
        "existing-infrastructure",
        "The partnership would carry on if a particular grant ended.",
        "The interviews describe a repeating cycle: an initiative arrives with funding, local activity starts, "
        "and it stops when the money does. Partnerships built on core budgets and existing staff are less exposed.",
        f"{STUDY}: theme 3 (the initiative-and-funding cycle).",
    ),
    (
        "existing-infrastructure",
        "The partnership is part of each organisation's ordinary structures (named link roles, a standing group "
        "or shared office), not one enthusiast's project.",
        "Relationships matter most, but 'you have to start again each time the people change'. Named link roles, "
        "a schools liaison function or a shared office (as Birmingham's institutions set up) carry the work "
        "through changes of staff.",
        f"{STUDY}: theme 5 (sustainability beyond individuals; link roles; the Birmingham office).",
    ),
    (
        "accountability-impact",
        "Each partner's contribution is measured against targets that someone other than that partner checks.",
        "Working in partnership stops anyone marking their own homework: Kingston quality-assures the teaching "
        "that Reach's instructors deliver.",
        f"{ESSAY}: 'Features of successful partnerships', fourth feature.",
    ),
    (
        "accountability-impact",
        "Our targets are tied to commitments one of us already has, such as a university's access and "
        "participation plan or the trust's own priorities.",
        "Languages For All works towards access and participation targets that the university has already "
        "committed to, so the partnership's measures matter to both sides.",
        f"{ESSAY}: 'Features of successful partnerships', fourth feature (access and participation plan targets).",
    ),
    (
        "accountability-impact",
        "We track who takes part over time with a recognised system (such as HEAT), and we planned the "
        "evaluation at the start.",
        "A university interviewed found HEAT effective for checking outreach against access targets; Aimhigher, "
        "by contrast, never had a way to follow a learner from school to university, and evaluations started "
        "late are hard to do well.",
        f"{STUDY}: themes 1 and 5 (HEAT; evaluation started too late; Aimhigher's missing tracking).",
    ),
    (
        "exciting-accessible",
        "Pupils meet the university through the partnership: visits, student ambassadors, academics in their "
        "classrooms.",
        "A university's involvement gives an initiative gravitas for groups who rarely see themselves there; "
        "in Languages For All, undergraduate linguists help pupils practise for their speaking exams.",
        f"{ESSAY}: 'Features of successful partnerships', fifth feature; 'Addressing our own interrelated challenges'.",
    ),
    (
        "exciting-accessible",
        "Families hear about the partnership from school staff they already know and trust.",
        "The school is trusted by families: a familiar teacher explaining why to try something new, a modern "
        "language or a university course, reassures those who need it.",
        f"{ESSAY}: 'Features of successful partnerships', fifth feature.",
    ),
    (
        "exciting-accessible",
        "We know which pupils are least likely to take part on their own, and the partnership reaches them first.",
        "The interviews' Reach Out Lab exists to give under-represented pupils and their teachers outreach "
        "opportunities, and the essay's partnerships aim at historically under-represented groups.",
        f"{STUDY}: theme 4 (the Reach Out Lab); {ESSAY}: fifth feature.",
    ),
]


# Version 2 (issue 23): every statement and every piece of guidance names the passage it rests
# on; the claims no passage supports (v1's statements 4, 5, 8, 9, 12 and 13, and 3, 6 and 15,
# which sat under a feature their passage does not describe) are replaced. Applied by migration
# 0004 and listed in docs/health-check-sources.md; `casestudies.sourcecheck` checks each one.
ESSAY_V2 = "Vainker and Slavinsky (2024), University-schools collaboration"
STUDY_V2 = "SUPI Learning Project (2014), [SUPI Learning Project (Phase 1): findings from the interviews and survey]"
FEATURES_PASSAGE = f"{ESSAY_V2}: ‘Features of successful partnerships’"
IN_FEATURES = "the essay, ‘Features of successful partnerships’"

STATEMENTS_V2 = [
    (
        "shared-governance",
        "Senior leaders from each partner sit on the partnership's steering group.",
        "In Feltham, senior leaders from Royal Holloway and Kingston University joined the steering group "
        "of the convening partnership at Reach's invitation (the essay, ‘Partnership case study: Reach in Feltham’).",
        f"{ESSAY_V2}: ‘Partnership case study: Reach in Feltham’ (university leaders join the steering group).",
    ),
    (
        "shared-governance",
        "Each partner can name the long-term goal of its own that the partnership serves, even where our goals differ.",
        "The essay argues that a partnership works best when it serves each partner's core purpose: the "
        "universities wanted diverse local students, the trust a workforce strategy and a post-16 offer "
        f"({IN_FEATURES}, first feature).",
        f"{FEATURES_PASSAGE}, first feature.",
    ),
    (
        "shared-governance",
        "Each partner's own interest in the partnership is stated openly, as the reason both stay committed.",
        "The essay's authors see nothing shameful in a partnership built on each side's own interest; they "
        f"argue that this interest is what keeps both committed for the long term ({IN_FEATURES}, first feature).",
        f"{FEATURES_PASSAGE}, first feature.",
    ),
    (
        "play-to-strengths",
        "Each partner leads on the part of the work it is best placed to do, such as training and placements "
        "for the school and assessment and research for the university.",
        "In the foundation-degree partnership the trust led the training and arranged placements, and the "
        f"university led on assessment and research ({IN_FEATURES}, second feature).",
        f"{FEATURES_PASSAGE}, second feature.",
    ),
    (
        "play-to-strengths",
        "The schools choose which pupils take part, and the university provides what only it has, such as "
        "venues for trips and language tutors.",
        "In Languages For All the university provides a venue for trips and tutors for ab initio sessions, "
        f"while the schools choose the students ({IN_FEATURES}, second feature).",
        f"{FEATURES_PASSAGE}, second feature.",
    ),
    (
        "play-to-strengths",
        "Schools put the university's resources to work in their own classrooms, for example by hosting "
        "student ambassadors in curriculum workshops.",
        "The schools in Languages For All host undergraduate ambassadors for workshops tied to the "
        f"curriculum, so that the university's resources help raise attainment ({IN_FEATURES}, second feature).",
        f"{FEATURES_PASSAGE}, second feature.",
    ),
    (
        "existing-infrastructure",
        "We use what each partner already has (teachers who know the pupils, halls, parent groups, university "
        "facilities, admissions teams, academics) before buying anything new.",
        "The essay's partnerships lean on existing people and buildings, which, its authors argue, keeps the "
        f"model lean and makes raising money easier when it is needed ({IN_FEATURES}, third feature).",
        f"{FEATURES_PASSAGE}, third feature.",
    ),
    (
        "existing-infrastructure",
        "In the school, teachers who know the pupils pick out who would benefit from the partnership's activities.",
        "The essay names teachers as the people best placed to identify the students an intervention is for "
        f"({IN_FEATURES}, third feature).",
        f"{FEATURES_PASSAGE}, third feature.",
    ),
    (
        "existing-infrastructure",
        "The university's own teams do the work they already do: admissions teams design access routes, and "
        "academics teach their own specialisms.",
        "On the university side the essay names admissions teams, who can design routes into university for "
        f"different groups, and academics teaching their own research specialisms ({IN_FEATURES}, third feature).",
        f"{FEATURES_PASSAGE}, third feature.",
    ),
    (
        "accountability-impact",
        "Each partner's contribution is measured against targets that someone other than that partner checks.",
        "Working in partnership stops anyone marking their own homework: Kingston quality-assures the teaching "
        f"that Reach's instructors deliver ({IN_FEATURES}, fourth feature).",
        f"{FEATURES_PASSAGE}, fourth feature.",
    ),
    (
        "accountability-impact",
        "Our targets are tied to commitments one of us already has, such as a university's access and "
        "participation plan or the trust's own priorities.",
        "Languages For All works towards access and participation targets that the university has already "
        f"committed to ({IN_FEATURES}, fourth feature).",
        f"{FEATURES_PASSAGE}, fourth feature (access and participation plan targets).",
    ),
    (
        "accountability-impact",
        "We monitor and evaluate our outreach against targets one of us has committed to, using a tracking "
        "system such as HEAT.",
        "One university judged HEAT very effective for checking its outreach against the targets in its "
        "Access Agreement (the interview study, themes 1 and 5).",
        f"{STUDY_V2}: themes 1 and 5 (a university's use of HEAT).",
    ),
    (
        "exciting-accessible",
        "Pupils meet the university through the partnership, for example on a day at the university or with "
        "undergraduate ambassadors in their classrooms.",
        "In Languages For All, GCSE linguists spent a day at Royal Holloway, and undergraduate linguists came "
        "into classrooms to help pupils practise for speaking exams (the essay, ‘Addressing our own "
        "interrelated challenges’).",
        f"{ESSAY_V2}: ‘Addressing our own interrelated challenges’.",
    ),
    (
        "exciting-accessible",
        "Families hear about the partnership from school staff they already know and trust.",
        "The school is trusted by families: a familiar teacher explaining why to try something new, a modern "
        f"language or a university course, reassures those who need it ({IN_FEATURES}, fifth feature).",
        f"{FEATURES_PASSAGE}, fifth feature.",
    ),
    (
        "exciting-accessible",
        "The university's part in the partnership gives its offer standing with pupils from groups "
        "under-represented in higher education.",
        "The essay argues that a university's part in an initiative lends it gravitas and standing for groups "
        f"historically under-represented in higher education ({IN_FEATURES}, fifth feature).",
        f"{FEATURES_PASSAGE}, fifth feature.",
    ),
]
