from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, ReadingListIndexPage, ReadingListPage
from home.demo import build_page_tree
from home.models import HomePage, StandardPage


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_page_tree()

    def test_case_studies_live_only_under_the_case_study_index(self):
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})

    def test_case_studies_have_no_children(self):
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_the_home_page_holds_the_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {CaseStudyIndexPage, ReadingListIndexPage, StandardPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_reading_lists_live_only_under_their_own_index(self):
        self.assertAllowedParentPageTypes(ReadingListIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ReadingListIndexPage, {ReadingListPage})
        self.assertAllowedParentPageTypes(ReadingListPage, {ReadingListIndexPage})
        self.assertAllowedSubpageTypes(ReadingListPage, set())

    def test_standard_pages_nest_only_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_the_index_sits_only_under_home(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})

    def test_editors_cannot_put_a_case_study_anywhere_else(self):
        self.assertCanCreateAt(CaseStudyIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertCanNotCreateAt(StandardPage, CaseStudyPage)

    def test_there_is_one_home_and_one_index(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(CaseStudyIndexPage.can_create_at(self.home))

    def test_building_the_tree_twice_creates_nothing_new(self):
        before = Page.objects.count()
        self.assertEqual(build_page_tree(), (self.home, self.index))
        self.assertEqual(Page.objects.count(), before)
