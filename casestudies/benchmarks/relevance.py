"""How well the finder answers readers' own questions: hit@5, recall@10 and MRR@10 over the dev
set (tests/data/search_dev_set.json: questions written in readers' words, with the demo case
studies that answer them), run through the API's search (`find_for_api`), the same selection and
order as the listing."""

import json
from pathlib import Path

from django.conf import settings
from django.http import QueryDict

from ..finder import find_for_api
from ..models import CaseStudyIndexPage, CaseStudyPage

DEV_SET = Path(settings.BASE_DIR) / "tests" / "data" / "search_dev_set.json"


def questions(path=DEV_SET):
    return json.loads(Path(path).read_text())["questions"]


def ranked_ids(index_page, q, limit=10):
    params = QueryDict(mutable=True)
    params.update({"q": q, "limit": str(limit)})
    return [page.external_id for page in find_for_api(index_page, params).results]


def scores(index_page, dev_set):
    """{metric: mean over the questions}, and the questions with no right answer in the top five."""
    hits, recalls, reciprocal, missed = [], [], [], []
    for item in dev_set:
        expected = set(item["expected"])
        ranked = ranked_ids(index_page, item["q"])
        hits.append(bool(expected & set(ranked[:5])))
        recalls.append(len(expected & set(ranked[:10])) / len(expected))
        first = next((i for i, found in enumerate(ranked[:10], 1) if found in expected), None)
        reciprocal.append(1 / first if first else 0.0)
        if not hits[-1]:
            missed.append(item["q"])
    n = len(dev_set) or 1
    return {"hit@5": sum(hits) / n, "recall@10": sum(recalls) / n, "MRR@10": sum(reciprocal) / n}, missed


def run(out, path=DEV_SET, show_missed=False):
    index_page = CaseStudyIndexPage.objects.live().first()  # get_solo() would make one
    dev_set = questions(path)
    known = set(CaseStudyPage.objects.live().values_list("external_id", flat=True))
    wanted = {expected for item in dev_set for expected in item["expected"]}
    if index_page is None or not wanted <= known:
        out.write("The dev set's case studies are not all published here: run `manage.py load_demo_content` first.\n")
        return None
    figures, missed = scores(index_page, dev_set)
    out.write(f"{len(dev_set)} questions, keyword search (the finder as it stands)\n")
    out.write("  ".join(f"{name} {value:.2f}" for name, value in figures.items()) + "\n")
    if show_missed:
        out.write("No right answer in the first five:\n" + "".join(f"  {q}\n" for q in missed))
    return figures
