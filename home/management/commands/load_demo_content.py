from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from home.demo import build_page_tree, load_case_studies, load_reading_lists, load_standard_pages, withdraw_case_studies


class Command(BaseCommand):
    help = "Build the page tree and load the demo case studies, pages and reading lists. Safe to run again."

    def handle(self, *args, **options):
        home, index = build_page_tree()
        pages = load_standard_pages(home)
        results = load_case_studies(index)
        counts = Counter(r.outcome for r in results)
        reading_lists = load_reading_lists(home) if not counts["failed"] else []
        withdrawn = withdraw_case_studies()
        for r in results:
            for error in r.errors:
                self.stderr.write(f"Demo record {r.index} ({r.external_id}): {error}")
            for warning in r.warnings:
                self.stderr.write(
                    f"Warning, demo record {r.index} ({r.external_id}), {warning.field}: {warning.message}"
                )
        self.stdout.write(
            f"Standard pages: {', '.join(f'{slug} {outcome}' for slug, outcome in pages)}\n"
            f"Case studies: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed\n"
            f"Reading lists: {', '.join(f'{slug} {outcome}' for slug, outcome in reading_lists) or 'none loaded'}"
        )
        if withdrawn:
            self.stdout.write(f"Withdrawn (unpublished): {', '.join(withdrawn)}")
        if counts["failed"]:
            raise CommandError("Some demo case studies failed to load.")
