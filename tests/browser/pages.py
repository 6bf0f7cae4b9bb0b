"""Every public page type and state the browser checks visit.

Routes that other work adds (feature, lever and matrix pages) are listed already: while the
route answers 404 their checks skip, and they start running as soon as the route exists.
"""

from dataclasses import dataclass

# A result with one feature (accountability) at "not yet": recommendations are shown.
HEALTH_CHECK_ANSWERS = "333333322000332"


@dataclass(frozen=True)
class PageState:
    name: str
    path: str
    statuses: tuple = (200,)
    skip_if_missing: bool = False

    def __str__(self):
        return self.name


PAGE_STATES = [
    PageState("home", "/"),
    PageState("listing", "/case-studies/"),
    PageState("case study", "{case_study}"),
    PageState("case study with every block", "{rich_case_study}"),
    PageState("about", "/about/"),
    PageState("methodology", "/methodology/"),
    PageState("contribute", "/contribute/"),
    PageState("accessibility statement", "/accessibility/"),
    PageState("searched", "/case-studies/?q=university"),
    PageState("filtered", "/case-studies/?feature=shared-governance&feature=exciting-accessible&phase=secondary"),
    PageState("searched and filtered", "/case-studies/?q=teachers&feature=shared-governance"),
    PageState("no results", "/case-studies/?q=zzqxjv+nothing+matches"),
    # Page 2 may not exist with the demo content: its "no such page" answer is checked then.
    PageState("paginated", "/case-studies/?page=2", statuses=(200, 404)),
    PageState("feature page", "/case-studies/features/shared-governance/", skip_if_missing=True),
    PageState("lever page", "/case-studies/levers/sharing-what-works/", skip_if_missing=True),
    PageState("evidence matrix", "/case-studies/matrix/", skip_if_missing=True),
    PageState("compare two", "/case-studies/compare/?ids={compare_two}"),
    PageState("compare four", "/case-studies/compare/?ids={compare_four}"),
    PageState("compare one", "/case-studies/compare/?ids={compare_one}"),
    PageState("compare five", "/case-studies/compare/?ids={compare_five}"),
    PageState("compare unknown ids", "/case-studies/compare/?ids=999998,999999,abc"),
    PageState("health check", "/health-check/"),
    PageState("health check unanswered", "/health-check/?v=2&s1=2&s2=3"),
    PageState("health check result", f"/health-check/result/?r=1-{HEALTH_CHECK_ANSWERS}&phase=secondary&region=london"),
    PageState("health check result, all full", "/health-check/result/?r=1-333333333333333"),
    PageState("health check result, unreadable answers", "/health-check/result/?r=1-x3333333333333x&phase=mars"),
    PageState("health check bad address", "/health-check/result/?r=1-33", statuses=(400,)),
    PageState(
        "health check compare", f"/health-check/compare/?first=1-{HEALTH_CHECK_ANSWERS}&second=1-333333322221332"
    ),
    PageState("health check compare, bad", "/health-check/compare/?first=junk&second=", statuses=(400,)),
    PageState("reading lists", "/reading-lists/"),
    PageState("reading list", "{reading_list}"),
    PageState("case study card", "{case_study_card}"),
    PageState("reading list card", "{reading_list_card}"),
    PageState("submit a case study", "/submit/"),
    PageState("submit a case study, errors", "/__submit-errors__/", statuses=(400,)),
    PageState("submission sent", "/submit/sent/"),
    PageState("submission privacy notice", "/submit/privacy/"),
    PageState("404", "/no-such-page/", statuses=(404,)),
    PageState("500", "/__server-error__/", statuses=(500,)),
    PageState("503 database unavailable", "/__database-unavailable__/", statuses=(503,)),
    PageState("429", "/__too-many-requests__/", statuses=(429,)),
]


def resolve(state, site):
    return state.path.format(**site["paths"])
