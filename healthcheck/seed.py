"""The fifteen seeded statements (three per success feature), with guidance in our own words and
the passage each comes from. Used by migration 0002 and listed in docs/health-check-sources.md.
A changed wording here is not applied to a database that already has statements."""

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
