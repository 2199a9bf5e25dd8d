"""The phrase index: hits at word boundaries, variants run onto designations, the longest form."""

from __future__ import annotations

from assay.extract.phrases import PhraseIndex


def _found(index: PhraseIndex, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[hit.start : hit.end], hit.keys) for hit in index.find(text)]


def test_variant_letters_run_onto_a_designation_keep_its_entry() -> None:
    index = PhraseIndex([("XR-40", "xr-40")], variants=True)
    assert _found(index, "two XR-40B1 launchers") == [("XR-40B1", ("xr-40",))]


def test_a_form_of_its_own_wins_over_a_shorter_one_with_variant_letters() -> None:
    index = PhraseIndex([("XR-40", "xr-40"), ("XR-40VM", "xr-40v")], variants=True)
    assert _found(index, "bought XR-40VM systems") == [("XR-40VM", ("xr-40v",))]


def test_a_form_inside_a_longer_word_is_no_hit() -> None:
    index = PhraseIndex([("arms", "arms")])
    assert _found(index, "the farmstead and its arms") == [("arms", ("arms",))]


def test_a_hit_knows_whether_it_names_more_than_one() -> None:
    index = PhraseIndex(
        [("XR-40", "xr-40"), ("Vela", "vela"), ("Velas", "vela"), ("Orion jets", "orion")],
        variants=True,
    )
    index_with_a_name_in_s = PhraseIndex([("Castellus", "castellus")])
    assert [hit.plural for hit in index.find("XR-40s, Velas and Orion jets")] == [True, True, True]
    assert [hit.plural for hit in index.find("an XR-40 and a Vela")] == [False, False]
    assert [hit.plural for hit in index_with_a_name_in_s.find("the Castellus")] == [False]
