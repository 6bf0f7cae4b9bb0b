"""Atom feeds (Django's syndication framework): newly published and updated case studies, and
any filtered list ("follow this search": the finder's own parameters). Entry ids are the
permanent links; `updated` is the last published change."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from .addresses import absolute_url, permanent_url
from .finder import LISTING_PARAMS, find_for_api
from .models import CaseStudyIndexPage, CaseStudyPage

FEED_LENGTH = 50


class CaseStudyFeed(Feed):
    feed_type = Atom1Feed
    title_template = None
    description_template = None

    def get_object(self, request):
        index = CaseStudyIndexPage.get_solo()
        if index is None or not index.live:
            raise Http404("There is no case-study index yet.")
        self.request = request
        self.params = request.GET.copy()
        for name in list(self.params):
            if name not in LISTING_PARAMS or name in ("limit", "offset", "sort"):
                del self.params[name]
        return index

    def title(self, index):
        return "Partnership Evidence Bank: " + (
            "case studies matching a search" if self.params else "new and updated case studies"
        )

    def subtitle(self, index):
        return "Newly published and updated case studies of school–university partnerships."

    def link(self, index):
        return absolute_url(
            index.get_url(self.request) + (f"?{self.params.urlencode()}" if self.params else ""), self.request
        )

    def feed_url(self, index):
        return absolute_url(self.request.get_full_path(), self.request)

    def feed_guid(self, index):
        return self.feed_url(index)

    def items(self, index):
        if self.params:
            params = self.params.copy()
            params["sort"] = "newest"
            params["limit"] = str(FEED_LENGTH)
            return find_for_api(index, params).results
        return list(
            CaseStudyPage.objects.child_of(index)
            .published()
            .defer_streamfields()
            .order_by("-last_published_at", "-pk")
            .prefetch_related("partners__organisation")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        url = page.get_url(self.request)
        return absolute_url(url, self.request) if url.startswith("/") else url

    def item_guid(self, page):
        return permanent_url(page.pk, request=self.request)

    def item_guid_is_permalink(self, page):
        return True

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_author_name(self, page):
        names = [p.organisation.name for p in page.partners.all()]
        return ", ".join(names) or None


def case_study_feed(request):
    """A new feed object per request: the feed keeps the request's parameters on itself."""
    return CaseStudyFeed()(request)
