"""Atom feeds (Django's syndication framework), valid RFC 4287: newly published and updated case
studies, any filtered list ("follow this search": the finder's own parameters), and one feed per
feature, lever and reading list for its landing page ("follow new evidence on this feature").

Every feed has one id (its own address), title, updated, `link rel="self"` and the bank as its
author; every entry has its permanent link as id, a title, updated (the last published change),
`link rel="alternate"` to the page, and its partner organisations as authors (the bank where a
case study names none). Only published, public case studies appear."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from ..addresses import absolute_url, permanent_url, site_url
from ..finder import LISTING_PARAMS, find_for_api
from ..models import CaseStudyIndexPage, CaseStudyPage, PolicyLever, ReadingListPage, SuccessFeature

FEED_LENGTH = 50
BANK = "Partnership Evidence Bank"
TERMS = {"feature": (SuccessFeature, "feature"), "lever": (PolicyLever, "lever")}


class BankAtomFeed(Atom1Feed):
    """Atom with one `author` per partner organisation on an entry (Django writes at most one)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


def live_index():
    index = CaseStudyIndexPage.get_solo()
    if index is None or not index.live:
        raise Http404("There is no case-study index yet.")
    return index


class BankFeed(Feed):
    """What every feed of the bank shares: the feed's author, ids and each entry's elements."""

    feed_type = BankAtomFeed
    title_template = None
    description_template = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def author_name(self, obj):
        return BANK

    def author_link(self, obj):
        return site_url(self.request) + "/"

    def feed_url(self, obj):
        return absolute_url(self.request.get_full_path(), self.request)

    def feed_guid(self, obj):
        return self.feed_url(obj)

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

    def item_extra_kwargs(self, page):
        return {"authors": [p.organisation.name for p in page.partners.all()] or [BANK]}


def newest(index, params):
    params = params.copy()
    params["sort"] = "newest"
    params["limit"] = str(FEED_LENGTH)
    return find_for_api(index, params).results


class CaseStudyFeed(BankFeed):
    def get_object(self, request):
        self.params = request.GET.copy()
        for name in list(self.params):
            if name not in LISTING_PARAMS or name in ("limit", "offset", "sort"):
                del self.params[name]
        return live_index()

    def title(self, index):
        return f"{BANK}: " + ("case studies matching a search" if self.params else "new and updated case studies")

    def subtitle(self, index):
        return "Newly published and updated case studies of school–university partnerships."

    def link(self, index):
        return absolute_url(
            index.get_url(self.request) + (f"?{self.params.urlencode()}" if self.params else ""), self.request
        )

    def items(self, index):
        if self.params:
            return newest(index, self.params)
        return list(
            CaseStudyPage.objects.child_of(index)
            .published()
            .defer_streamfields()
            .order_by("-last_published_at", "-pk")
            .prefetch_related("partners__organisation")[:FEED_LENGTH]
        )


class TermFeed(BankFeed):
    """The case studies showing one success feature or policy lever, newest first."""

    def get_object(self, request, param, slug):
        model, route = TERMS[param]
        self.index = live_index()
        term = model.objects.filter(slug=slug).first()
        if term is None:
            raise Http404("No such term.")
        self.param, self.route = param, f"{route}_page"
        return term

    def title(self, term):
        return f"{BANK}: case studies showing “{term.name}”"

    def subtitle(self, term):
        return term.description or f"New and updated case studies showing “{term.name}”."

    def link(self, term):
        path = self.index.get_url(self.request) + self.index.reverse_subpage(self.route, kwargs={"slug": term.slug})
        return absolute_url(path, self.request) if path.startswith("/") else path

    def items(self, term):
        params = self.request.GET.copy()
        params.clear()
        params[self.param] = term.slug
        return newest(self.index, params)


class ReadingListFeed(BankFeed):
    """A reading list's published case studies, in reading order."""

    def get_object(self, request, page_id):
        page = ReadingListPage.published_lists().filter(pk=page_id).first()
        if page is None:
            raise Http404("No published reading list has this id.")
        return page

    def title(self, page):
        return f"{BANK}: reading list “{page.title}”"

    def subtitle(self, page):
        return f"The case studies of the reading list for {page.audience}."

    def link(self, page):
        return permanent_url(page.pk, request=self.request)

    def items(self, page):
        return page.published_case_studies()


def case_study_feed(request):
    """A new feed object per request: each feed keeps its request on itself."""
    return CaseStudyFeed()(request)


def term_feed(request, param, slug):
    return TermFeed()(request, param=param, slug=slug)


def reading_list_feed(request, page_id):
    return ReadingListFeed()(request, page_id=page_id)
