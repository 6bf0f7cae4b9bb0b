"""Every public surface, walked with a draft and a private case study that carry every tag and the
word 'zebracorn': none of them may show, count, compare or recommend either."""

import pytest


def surfaces(index_page, tagged):
    every_id = ",".join(str(page.pk) for page in tagged.values())
    context = "&phase=secondary&phase=primary&region=london&purpose=subject-enrichment"
    return [
        "/",
        index_page.url,
        index_page.url + "?q=secret+word",
        index_page.url + "features/shared-governance/",
        index_page.url + "levers/local-convening/",
        index_page.url + "matrix/",
        index_page.url + "suggest/?q=hidd",
        index_page.url + "download/json/",
        index_page.url + "download/csv/",
        index_page.url + f"compare/?ids={every_id}",
        index_page.url + f"compare/?ids={tagged['draft'].pk},{tagged['private'].pk},{tagged['a'].pk}",
        "/health-check/result/?r=1-000000000000000" + context,
        "/health-check/result/csv/?r=1-000000000000000" + context,
        tagged["a"].url,
    ]


@pytest.mark.django_db
def test_no_public_surface_shows_a_draft_or_private_case_study(client, home_page, index_page, tagged):
    from tests.casestudies.test_reading_lists import make_reading_list

    # A published list holding the draft and the private case study: the health check may
    # suggest it (it holds a published case study too), never show what is hidden on it.
    course = make_reading_list(home_page, [tagged["draft"], tagged["a"], tagged["private"]], title="A course")
    urls = surfaces(index_page, tagged) + [
        course.url,
        f"/cs/{course.pk}/card/",
        f"/api/v1/reading-lists/{course.pk}/",
        "/api/v1/reading-lists/?feature=shared-governance",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"zebracorn" not in body.lower(), url
