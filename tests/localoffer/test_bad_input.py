"""Hypothesis throws odd input at every public form and query string: never a 500."""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

QUERY_PAGES = {
    "/stoke-on-trent/services/": ["q", "category", "age", "level", "access", "cost", "route",
                                  "page"],
    "/tools/deadlines/": ["start", "timescale", "council", "start-day", "start-month",
                          "start-year"],
    "/open-referral/services": ["search", "page", "per_page", "taxonomy_term_id", "minimum_age",
                                "maximum_age"],
    "/stoke-on-trent/open-referral/services": ["search", "page", "per_page"],
    "/stoke-on-trent/letters/child-in-need-assessment/": ["format"],
    "/stoke-on-trent/": ["q"],
    "/rights/": ["page"],
}
FORM_POSTS = {
    "/stoke-on-trent/have-your-say/": ["topic", "text", "website"],
    "/stoke-on-trent/find-my-route/age/": ["age"],
    "/stoke-on-trent/find-my-route/disability/": ["disability"],
    "/stoke-on-trent/find-my-route/family-factors/": ["family_factors"],
}

# Values people and robots send: huge numbers, NUL bytes, long strings, markup, SQL, emoji.
odd_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=50),
    st.sampled_from(["-1", "0", "99999999999999999999", "1e309", "NaN", "abc", "", " ",
                     "\x00", "%00", "'; DROP TABLE x; --", "<script>alert(1)</script>",
                     "2027-02-30", "0000-00-00", "../../etc/passwd", "💥" * 20]),
    st.just("x" * 100_000),
)
# Raw query-string pieces, including escapes that are not valid UTF-8.
raw_escape = st.sampled_from(["%ff", "%fe%ff", "%c0%af", "%ed%a0%80", "%00", "%", "%zz", "+"])


def quote(value):
    return urllib.parse.quote(value.encode("utf-8"), safe="")


@pytest.mark.parametrize("path, names", QUERY_PAGES.items(), ids=QUERY_PAGES.keys())
@FUZZ
@given(data=st.data())
def test_odd_query_strings_never_cause_a_server_error(client, path, names, data):
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(names), odd_text), max_size=6))
    extra = data.draw(st.lists(raw_escape, max_size=3))
    query = "&".join(f"{name}={quote(value)}" for name, value in pairs)
    query += "".join(f"&{names[0]}={piece}" for piece in extra)
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code < 500, (path, query[:300])


@pytest.mark.parametrize("path, names", FORM_POSTS.items(), ids=FORM_POSTS.keys())
@FUZZ
@given(data=st.data())
def test_odd_form_posts_never_cause_a_server_error(client, path, names, data):
    fields = data.draw(st.dictionaries(st.sampled_from(names), st.lists(odd_text, max_size=3)))
    response = client.post(path, fields)
    assert response.status_code < 500, (path, {k: [v[:80] for v in vs] for k, vs in fields.items()})


@pytest.mark.parametrize("path, names", FORM_POSTS.items(), ids=FORM_POSTS.keys())
@FUZZ
@given(data=st.data())
def test_raw_form_bodies_with_broken_escapes_never_cause_a_server_error(
    client, path, names, data
):
    pieces = data.draw(st.lists(st.tuples(st.sampled_from(names), raw_escape), max_size=4))
    body = "&".join(f"{name}={piece}" for name, piece in pieces).encode()
    response = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500, (path, body[:200])
