"""Every public page type and state the browser checks visit.

Routes that other work adds (feature, lever and matrix pages) are listed already: while the
route answers 404 their checks skip, and they start running as soon as the route exists.
"""

from dataclasses import dataclass


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
    PageState("404", "/no-such-page/", statuses=(404,)),
    PageState("500", "/__server-error__/", statuses=(500,)),
]


def resolve(state, site):
    return state.path.format(**site["paths"])
