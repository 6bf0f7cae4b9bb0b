"""Prepare the load test's database: migrations, demo content, synthetic case studies up to
--count, and a moderator account. Run by load_test.py through manage.py's settings."""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--dump", required=True, help="write the addresses the readers use here (JSON)")
    args = parser.parse_args()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from casestudies.benchmarks.bulk import generate
    from casestudies.models import CaseStudyIndexPage, CaseStudyPage

    call_command("migrate", "--noinput", verbosity=0)
    if not CaseStudyIndexPage.objects.exists():
        call_command("load_demo_content", verbosity=0)
    index = CaseStudyIndexPage.objects.get()
    have = CaseStudyPage.objects.live().count()
    if have < args.count:
        print(f"Generating {args.count - have:,} synthetic case studies…", flush=True)
        generate(index, args.count - have, seed=have + 1)
    user_model = get_user_model()
    if not user_model.objects.filter(username="load-moderator").exists():
        user_model.objects.create_superuser("load-moderator", "moderator@example.org", os.urandom(16).hex())
    from casestudies.finder.facets import FACETS

    pages = list(CaseStudyPage.objects.live().public().order_by("pk").defer_streamfields())
    Path(args.dump).write_text(
        json.dumps(
            {
                "index": index.url,
                "case_studies": [[page.pk, page.url] for page in pages],
                "facets": {facet.param: [str(v) for v in facet.values] for facet in FACETS},
            }
        )
    )
    print(f"{len(pages):,} live case studies", flush=True)


if __name__ == "__main__":
    main()
