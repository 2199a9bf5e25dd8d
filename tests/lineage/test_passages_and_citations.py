"""Shared passages and explicit citations: the signs that one text took from another."""

from __future__ import annotations

import pytest

from assay.lineage.citations import cited_outlets, linked_addresses
from assay.lineage.passages import SHINGLE_WORDS, ShingledText, shared_passages

ORIGINAL = (
    "Iran has sent a first batch of Mohajer-6 drones to Russia, according to shipping "
    "records and two officials familiar with the matter. The drones were loaded onto a "
    "cargo vessel at the port of Bandar Anzali and crossed the Caspian Sea to Astrakhan "
    "over three nights in the middle of January."
)
COPIED = (
    "The drones were loaded onto a cargo vessel at the port of Bandar Anzali and crossed "
    "the Caspian Sea to Astrakhan over three nights in the middle of January"
)
REWRITE = "BREAKING: Tehran arms Moscow again. " + COPIED + ". Share this story with your friends."
UNRELATED = (
    "The agriculture ministry revised its harvest forecast upward after late rains across "
    "the northern provinces, and wheat prices fell on the regional commodity exchange."
)
NAMES = {7: ["Meridian Wire", "meridianwire.example"]}


def test_a_text_that_copies_a_long_passage_has_high_coverage_and_shows_the_copied_words() -> None:
    found = shared_passages(ShingledText.of(REWRITE), ShingledText.of(ORIGINAL))
    assert found.coverage > 0.6
    assert found.shared >= 20
    copied_words = " ".join(COPIED.casefold().split())
    assert copied_words in found.longest
    assert "breaking" not in found.longest
    assert "share this story" not in found.longest


def test_coverage_is_the_share_of_the_later_text_so_it_is_not_symmetric() -> None:
    later, earlier = ShingledText.of(REWRITE), ShingledText.of(ORIGINAL)
    forward = shared_passages(later, earlier)
    backward = shared_passages(earlier, later)
    assert forward.shared == backward.shared
    assert forward.coverage == pytest.approx(forward.shared / len(later.shingles))
    assert backward.coverage == pytest.approx(backward.shared / len(earlier.shingles))
    assert forward.coverage > backward.coverage


def test_shingles_ignore_case_and_punctuation() -> None:
    shouted = ShingledText.of(ORIGINAL.upper().replace(",", " ;").replace(".", "!"))
    found = shared_passages(shouted, ShingledText.of(ORIGINAL))
    assert found.coverage == 1.0


def test_unrelated_texts_share_nothing() -> None:
    found = shared_passages(ShingledText.of(UNRELATED), ShingledText.of(ORIGINAL))
    assert (found.shared, found.coverage, found.longest) == (0, 0.0, "")


def test_a_text_shorter_than_one_shingle_shares_nothing_and_does_not_fail() -> None:
    short = "Iran has sent drones to Russia."
    assert len(short.split()) < SHINGLE_WORDS
    found = shared_passages(ShingledText.of(short), ShingledText.of(short))
    assert (found.shared, found.coverage) == (0, 0.0)


def test_a_run_of_fewer_than_eight_shared_words_is_not_a_passage() -> None:
    later = ShingledText.of("Reports say that the drones were loaded onto a ship last week.")
    found = shared_passages(later, ShingledText.of(ORIGINAL))
    assert found.shared == 0


@pytest.mark.parametrize(
    "text",
    [
        "The drones arrived last week, according to Meridian Wire.",
        "Meridian Wire reported on Tuesday that the drones had arrived.",
        "Meridian Wire has reported that the drones arrived.",
        "The shipment was first reported by Meridian Wire in January.",
        "Citing Meridian Wire, the broadcaster said the drones had arrived.",
        "The drones arrived last week, meridianwire.example reports.",
    ],
)
def test_a_name_beside_a_citing_phrase_is_a_citation(text: str) -> None:
    [citation] = cited_outlets(text, NAMES)
    assert citation.outlet_key == 7
    assert "Meridian Wire" in citation.phrase or "meridianwire.example" in citation.phrase


def test_the_citing_phrase_is_kept_as_the_evidence() -> None:
    [citation] = cited_outlets("The drones arrived, according to Meridian Wire.", NAMES)
    assert "according to Meridian Wire" in citation.phrase


def test_a_mere_mention_of_an_outlet_is_not_a_citation() -> None:
    text = (
        "Meridian Wire is a news agency with offices in the capital. Its editors have "
        "covered the region for a decade. The drones arrived by ship last week."
    )
    assert cited_outlets(text, NAMES) == []


def test_a_citing_phrase_far_from_the_name_does_not_count() -> None:
    text = (
        "According to the port authority, the ship docked on Monday morning after a long "
        "and stormy crossing of the sea. Meridian Wire has an office in the city."
    )
    assert cited_outlets(text, NAMES) == []


def test_a_citing_word_inside_another_word_does_not_make_a_citation() -> None:
    text = "Drones were seen over Latvia. Meridian Wire is a news agency based in the capital."
    assert cited_outlets(text, NAMES) == []


def test_a_pack_cue_adds_a_citing_phrase() -> None:
    text = "The drones arrived last week, as relayed from Meridian Wire."
    assert cited_outlets(text, NAMES) == []
    [citation] = cited_outlets(text, NAMES, cues=["As relayed from"])
    assert citation.outlet_key == 7


def test_only_the_outlets_given_are_looked_for_and_each_is_cited_once() -> None:
    names = {1: ["Meridian Wire"], 2: ["Capital Ledger"], 3: ["AP"]}
    text = (
        "According to Meridian Wire, the drones arrived. Meridian Wire reported the ship "
        "too. AP said nothing. The Harbour Times reported it later."
    )
    found = cited_outlets(text, names)
    assert [c.outlet_key for c in found] == [1], "a name under three letters is not looked for"


HTML = """<html><body><p>As first reported
<a class="x" href="https://www.meridianwire.example/news/drones/">here</a>, the drones arrived.
See also <a href='https://ledger.example/markets?utm_source=feed#top'>markets</a>
and <a href="/world">World</a>.</p></body></html>"""


@pytest.mark.parametrize(
    "address",
    [
        "https://www.meridianwire.example/news/drones/",
        "http://meridianwire.example/news/drones",
        "meridianwire.example/news/drones",
        "HTTPS://MeridianWire.example/news/drones/",
    ],
)
def test_a_link_matches_the_same_address_with_or_without_scheme_www_or_slash(
    address: str,
) -> None:
    assert linked_addresses(HTML, {4: address}) == [4]


def test_links_ignore_query_and_fragment_but_not_the_path() -> None:
    addresses = {
        1: "https://meridianwire.example/news/other-story",
        2: "https://ledger.example/markets",
        3: "https://meridianwire.example/",
        4: "https://harbourtimes.example/news/drones/",
    }
    assert linked_addresses(HTML, addresses) == [2]


def test_an_address_in_the_text_but_not_in_an_href_is_not_a_link() -> None:
    html = "<p>Source: https://meridianwire.example/news/drones</p>"
    assert linked_addresses(html, {1: "https://meridianwire.example/news/drones"}) == []
