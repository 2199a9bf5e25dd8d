"""Lineage edges and independent lines: echoes fold into their origin, new evidence does not."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assay.lineage import (
    LineageInputs,
    Publisher,
    Reading,
    find_edges,
    publication_order,
    speaker_state,
    telling,
    trace_lines,
)
from assay.lineage.evidence import Telling, stronger
from assay.packs import Pack, load_pack
from assay.records import (
    Claim,
    ClaimMention,
    ClaimTrace,
    Document,
    Evidence,
    LineageEdge,
    LineageKind,
    Mention,
    Modality,
    Outlet,
    OutletKind,
    SpeakerType,
    Stance,
)

PACK_DIR = Path(__file__).resolve().parents[2] / "src" / "assay" / "packs" / "arms_transfers"
CLAIM = Claim(1, "IRN", "RUS", "mohajer-6", "delivery", "Iran delivered Mohajer-6 drones to Russia")
START = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)

REPORT = (
    "Iran has sent a first batch of Mohajer-6 drones to Russia, two officials said. The "
    "drones were loaded onto a cargo vessel at the port of Bandar Anzali and crossed the "
    "Caspian Sea to Astrakhan over three nights in the middle of January."
)
WIRE = Outlet(1, "meridianwire.example", "Meridian Wire", OutletKind.WIRE)
LEDGER = Outlet(2, "ledger.example", "Capital Ledger", OutletKind.NEWSPAPER)
TIMES = Outlet(3, "harbourtimes.example", "Harbour Times", OutletKind.NEWSPAPER)
TEHRAN = Outlet(4, "tehranpost.example", "Tehran Post", OutletKind.NEWSPAPER)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


def doc(
    key: int,
    text: str,
    *,
    outlet: Outlet | None = None,
    hours: float | None = None,
    family: int | None = None,
    url: str | None = None,
) -> Document:
    """A stored document published ``hours`` after START (undated when None)."""
    published = None
    if hours is not None:
        published = (START + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Document(
        key=key,
        title=f"Story {key}",
        author=None,
        published=published,
        language="en",
        site_name=outlet.name if outlet else None,
        url=url,
        text=text,
        raw_sha256=f"{key:064x}",
        text_sha256=f"{key + 1000:064x}",
        media_type="text/plain",
        added_at=START,
        outlet=outlet,
        family_key=family,
    )


def reading(
    document: Document,
    stance: Stance = Stance.SUPPORTS,
    evidence: Evidence = Evidence.UNSOURCED,
    speaker: str | None = None,
    party: str | None = None,
) -> Reading:
    return Reading(document, stance, Telling(evidence, speaker, party))


def trace(readings: list[Reading], raw_html: dict[int, str] | None = None) -> ClaimTrace:
    """Lines from ``readings`` with the edges lineage finds among their documents."""
    inputs = LineageInputs([r.document for r in readings], raw_html or {})
    return trace_lines(CLAIM, readings, find_edges(inputs), inputs.resemblance)


def edge_triples(found: ClaimTrace) -> set[tuple[int, int, LineageKind]]:
    return {(e.child_key, e.parent_key, e.kind) for e in found.edges}


def unsourced_repeats(count: int, first_key: int) -> list[Document]:
    """``count`` documents from different outlets repeating REPORT with a lead of their own."""
    return [
        doc(
            first_key + n,
            f"Viral post number {n}: shocking news from the region. {REPORT}",
            outlet=Outlet(100 + n, f"site{n}.example", f"Site {n} News", OutletKind.CONTENT_FARM),
            hours=1 + n,
        )
        for n in range(count)
    ]


# --- edges -------------------------------------------------------------------------


def test_publication_order_puts_dated_documents_first_then_undated_by_key() -> None:
    documents = [doc(5, "x"), doc(3, "x", hours=2), doc(2, "x"), doc(9, "x", hours=1)]
    assert [d.key for d in sorted(documents, key=publication_order)] == [9, 3, 2, 5]


def test_a_later_document_reusing_passages_gets_a_passage_reuse_edge_to_the_earlier() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    rewrite = doc(
        2, "Tehran arms Moscow again, our sources hint. " + REPORT, outlet=LEDGER, hours=3
    )
    [edge] = find_edges(LineageInputs([rewrite, origin]))
    assert (edge.child_key, edge.parent_key, edge.kind) == (2, 1, LineageKind.PASSAGE_REUSE)
    assert edge.score > 0.7
    assert "bandar anzali" in edge.evidence


def test_a_near_copy_in_the_same_family_gets_a_near_copy_edge() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0, family=1)
    copy = doc(2, "Iran sent drones to Russia, officials said.", outlet=LEDGER, hours=1, family=1)
    [edge] = find_edges(LineageInputs([origin, copy]))
    assert (edge.child_key, edge.parent_key, edge.kind) == (2, 1, LineageKind.NEAR_COPY)
    assert edge.evidence == "near-duplicate family F1"


def test_a_credited_near_copy_from_another_outlet_is_syndication() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0, family=1)
    credited = doc(2, REPORT + " Copyright Meridian Wire.", outlet=LEDGER, hours=1, family=1)
    kinds = [e.kind for e in find_edges(LineageInputs([origin, credited]))]
    assert kinds[0] is LineageKind.SYNDICATION
    assert LineageKind.CITES in kinds


def test_a_citation_of_an_earlier_outlet_gets_a_cites_edge_to_its_first_document() -> None:
    first = doc(1, REPORT, outlet=WIRE, hours=0)
    second = doc(2, "A follow-up on the port, with no claim repeated.", outlet=WIRE, hours=1)
    citing = doc(
        3, "Drones reached Russia by sea, according to Meridian Wire.", outlet=LEDGER, hours=5
    )
    edges = find_edges(LineageInputs([citing, second, first]))
    cites = [e for e in edges if e.kind is LineageKind.CITES]
    assert [(e.child_key, e.parent_key) for e in cites] == [(3, 1)]
    assert "according to Meridian Wire" in cites[0].evidence


def test_a_document_does_not_cite_its_own_outlet() -> None:
    first = doc(1, REPORT, outlet=WIRE, hours=0)
    own = doc(2, "Drones reached Russia by sea, Meridian Wire reported.", outlet=WIRE, hours=1)
    assert find_edges(LineageInputs([first, own])) == []


def test_a_link_in_the_raw_html_to_an_earlier_address_is_a_links_edge() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0, url="https://meridianwire.example/drones")
    linking = doc(2, "Drones reached Russia by sea last week.", outlet=LEDGER, hours=2)
    html = '<p>Drones reached Russia by sea <a href="http://www.meridianwire.example/drones/">'
    [edge] = find_edges(LineageInputs([origin, linking], {2: html}))
    assert (edge.child_key, edge.parent_key, edge.kind) == (2, 1, LineageKind.LINKS)


def test_edges_always_point_from_a_later_document_to_an_earlier_one() -> None:
    address = "https://meridianwire.example/a"
    documents = [
        doc(1, REPORT + " Capital Ledger reported it too.", outlet=WIRE, hours=0, url=address),
        doc(2, "According to Meridian Wire: " + REPORT, outlet=LEDGER, hours=4, family=1),
        doc(3, REPORT + " Harbour Times said so.", outlet=TIMES, hours=2, family=1),
        doc(4, "Capital Ledger reported: " + REPORT, outlet=TEHRAN),
        doc(5, "Harbour Times reported: " + REPORT, outlet=WIRE, hours=3),
    ]
    html = {d.key: f'<a href="{address}">the first report</a>' for d in documents}
    random.Random(3).shuffle(documents)
    edges = find_edges(LineageInputs(documents, html))
    order = {d.key: publication_order(d) for d in documents}
    for edge in edges:
        assert order[edge.child_key] > order[edge.parent_key], edge
    assert all(edge.child_key != 1 for edge in edges), "the earliest draws on nothing"
    kinds = {e.kind for e in edges}
    assert {LineageKind.CITES, LineageKind.LINKS, LineageKind.NEAR_COPY} <= kinds
    assert (4, 2) in {(e.child_key, e.parent_key) for e in edges if e.kind is LineageKind.CITES}


# --- lines ------------------------------------------------------------------------


def test_fifty_unsourced_repeats_of_one_origin_are_one_line_with_fifty_echoes() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    readings = [reading(origin, evidence=Evidence.ANONYMOUS)]
    readings += [reading(d) for d in unsourced_repeats(50, first_key=2)]
    found = trace(readings)
    [line] = found.lines
    assert line.origin.document.key == 1
    assert len(line.echoes) == 50
    assert all(
        echo.via is not None and echo.via.child_key == echo.document.key for echo in line.echoes
    )
    assert {echo.via.kind for echo in line.echoes if echo.via} == {LineageKind.PASSAGE_REUSE}


def test_unsourced_tellings_with_no_edge_join_the_line_they_resemble_most() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    other = doc(2, "Kestrel drones were flown to Beta by night.", outlet=TIMES, hours=1)
    loose = [
        doc(
            10 + n,
            f"Shocking: Iran sent Mohajer-6 drones to Russia ({n}).",
            outlet=LEDGER,
            hours=2 + n,
        )
        for n in range(50)
    ]
    readings = [
        reading(origin, evidence=Evidence.NAMED_SOURCE, speaker="two officials"),
        reading(other, evidence=Evidence.ANONYMOUS),
        *(reading(d) for d in loose),
    ]
    found = trace(readings)
    assert [len(line.echoes) for line in found.lines] == [50, 0]
    assert all(
        e.via is not None and e.via.kind is LineageKind.REPEATS for e in found.lines[0].echoes
    )
    repeats = [e for e in found.edges if e.kind is LineageKind.REPEATS]
    assert len(repeats) == 50, "the edges made up for echoes are reported with the trace"


def test_a_lone_unsourced_telling_starts_an_unsourced_line() -> None:
    found = trace([reading(doc(1, REPORT, outlet=WIRE, hours=0))])
    [line] = found.lines
    assert (line.origin.evidence, line.echoes) == (Evidence.UNSOURCED, ())


def test_a_near_copy_joins_its_origins_line_even_with_strong_evidence() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0, family=1)
    copy = doc(2, "Iran sent drones to Russia, papers show.", outlet=LEDGER, hours=1, family=1)
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(copy, evidence=Evidence.DOCUMENTS),
        ]
    )
    [line] = found.lines
    [echo] = line.echoes
    assert echo.document.key == 2
    assert echo.via is not None
    assert echo.via.kind is LineageKind.NEAR_COPY


def test_a_later_document_citing_the_origin_joins_its_line() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    citing = doc(2, "Drones reached Russia by sea, Meridian Wire reported.", outlet=LEDGER, hours=6)
    found = trace(
        [
            reading(citing, evidence=Evidence.NAMED_SOURCE, speaker="a port official"),
            reading(origin, evidence=Evidence.ANONYMOUS),
        ]
    )
    [line] = found.lines
    assert line.origin.document.key == 1
    [echo] = line.echoes
    assert echo.via is not None
    assert (echo.via.kind, echo.via.parent_key) == (LineageKind.CITES, 1)
    assert echo.speaker == "a port official"


def test_an_echo_bringing_strong_evidence_its_line_lacks_starts_a_new_line() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    citing = doc(
        2,
        "Customs papers seen by the Ledger list the drones; Meridian Wire reported the voyage.",
        outlet=LEDGER,
        hours=6,
    )
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(citing, evidence=Evidence.DOCUMENTS),
        ]
    )
    assert (2, 1, LineageKind.CITES) in edge_triples(found)
    assert [line.origin.document.key for line in found.lines] == [1, 2]
    assert [line.echoes for line in found.lines] == [(), ()]
    assert found.lines[1].origin.evidence is Evidence.DOCUMENTS


def test_strong_evidence_the_line_already_has_does_not_start_a_new_line() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    citing = doc(
        2, "Papers show the drones arrived, Meridian Wire reported.", outlet=LEDGER, hours=6
    )
    found = trace(
        [
            reading(origin, evidence=Evidence.DOCUMENTS),
            reading(citing, evidence=Evidence.DOCUMENTS),
        ]
    )
    [line] = found.lines
    assert [e.document.key for e in line.echoes] == [2]


def test_a_partys_denial_citing_the_report_is_its_own_line_never_an_echo() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    echo = doc(2, "Tehran arms Moscow again. " + REPORT, outlet=LEDGER, hours=2)
    denial = doc(
        3,
        "Iran's foreign ministry denied that Iran had sent drones to Russia, calling the "
        "Meridian Wire report baseless. " + REPORT,
        outlet=TEHRAN,
        hours=5,
    )
    readings = [
        reading(origin, evidence=Evidence.ANONYMOUS),
        reading(echo),
        reading(
            denial,
            Stance.REFUTES,
            Evidence.NAMED_SOURCE,
            "Iran's foreign ministry",
            CLAIM.supplier,
        ),
    ]
    found = trace(readings)
    assert (3, 1, LineageKind.CITES) in edge_triples(found)
    assert [(line.stance, line.origin.document.key) for line in found.lines] == [
        (Stance.SUPPORTS, 1),
        (Stance.REFUTES, 3),
    ]
    assert [e.document.key for e in found.lines[0].echoes] == [2]
    assert found.lines[1].echoes == ()
    assert found.lines[1].origin.speaker_party == "IRN"


def test_a_copy_of_a_denial_echoes_the_denial_not_the_report() -> None:
    denial_text = (
        "Iran's foreign ministry denied that Iran had sent Mohajer-6 drones to Russia and "
        "called the reports baseless, saying no such shipment had taken place at all."
    )
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    denial = doc(2, denial_text, outlet=TEHRAN, hours=3)
    copy = doc(3, "Tehran says no. " + denial_text + " " + REPORT, outlet=LEDGER, hours=4)
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(denial, Stance.REFUTES, Evidence.NAMED_SOURCE, "foreign ministry", "IRN"),
            reading(copy, Stance.REFUTES),
        ]
    )
    assert [line.stance for line in found.lines] == [Stance.SUPPORTS, Stance.REFUTES]
    assert [e.document.key for e in found.lines[1].echoes] == [3]
    assert found.lines[0].echoes == ()


def test_a_partys_own_word_citing_the_report_starts_its_own_line() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    admission = doc(
        2,
        "A Russian defence ministry spokesman confirmed the drones, Meridian Wire reported.",
        outlet=LEDGER,
        hours=4,
    )
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(admission, Stance.SUPPORTS, Evidence.NAMED_SOURCE, "defence ministry", "RUS"),
        ]
    )
    assert (2, 1, LineageKind.CITES) in edge_triples(found)
    assert [line.origin.document.key for line in found.lines] == [1, 2]


def test_two_reports_of_one_briefing_are_one_line() -> None:
    first = doc(1, "The ministry said the drones had left port on Monday.", outlet=WIRE, hours=0)
    second = doc(
        2, "Drones are on their way, a ministry spokesman told reporters.", outlet=TIMES, hours=1
    )
    found = trace(
        [
            reading(
                first, Stance.SUPPORTS, Evidence.NAMED_SOURCE, "Russian defence ministry", "RUS"
            ),
            reading(second, Stance.SUPPORTS, Evidence.NAMED_SOURCE, "a Kremlin spokesman", "RUS"),
        ]
    )
    [line] = found.lines
    [echo] = line.echoes
    assert echo.via is not None
    assert echo.via.kind is LineageKind.SAME_SOURCE
    assert any(e.kind is LineageKind.SAME_SOURCE for e in found.edges)


def test_two_reports_of_one_denial_briefing_are_one_line_when_neither_cites_the_report() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    first = doc(2, "Iran's foreign ministry denied sending any drones.", outlet=TEHRAN, hours=3)
    second = doc(3, "Tehran rejected the claim, calling it baseless.", outlet=TIMES, hours=4)
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(first, Stance.REFUTES, Evidence.NAMED_SOURCE, "foreign ministry", "IRN"),
            reading(second, Stance.REFUTES, Evidence.NAMED_SOURCE, "the ministry", "IRN"),
        ]
    )
    assert [(line.stance, len(line.echoes)) for line in found.lines] == [
        (Stance.SUPPORTS, 0),
        (Stance.REFUTES, 1),
    ]


def test_two_reports_of_one_denial_briefing_are_one_line_even_when_both_cite_the_report() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    first = doc(
        2,
        "Iran's foreign ministry denied a Meridian Wire report that drones were sent.",
        outlet=TEHRAN,
        hours=3,
    )
    second = doc(
        3,
        "Tehran rejected the claim as baseless, denying what Meridian Wire reported on Monday.",
        outlet=TIMES,
        hours=4,
    )
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS),
            reading(first, Stance.REFUTES, Evidence.NAMED_SOURCE, "foreign ministry", "IRN"),
            reading(second, Stance.REFUTES, Evidence.NAMED_SOURCE, "the ministry", "IRN"),
        ]
    )
    assert {(2, 1, LineageKind.CITES), (3, 1, LineageKind.CITES)} <= edge_triples(found)
    assert [(line.stance, len(line.echoes)) for line in found.lines] == [
        (Stance.SUPPORTS, 0),
        (Stance.REFUTES, 1),
    ]


def test_independent_tellings_with_sources_of_their_own_are_separate_lines() -> None:
    found = trace(
        [
            reading(doc(1, REPORT, outlet=WIRE, hours=0), evidence=Evidence.ANONYMOUS),
            reading(
                doc(2, "Satellite pictures show drones at Astrakhan.", outlet=TIMES, hours=1),
                evidence=Evidence.IMAGERY,
            ),
            reading(
                doc(3, "Drones were seen unloading by dock workers.", outlet=LEDGER, hours=2),
                evidence=Evidence.EYEWITNESS,
            ),
        ]
    )
    assert [line.number for line in found.lines] == [1, 2, 3]
    assert all(line.echoes == () for line in found.lines)


def test_lines_are_read_in_publication_order_whatever_the_input_order() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    repeats = unsourced_repeats(5, first_key=2)
    readings = [reading(origin, evidence=Evidence.ANONYMOUS)] + [reading(d) for d in repeats]
    random.Random(7).shuffle(readings)
    [line] = trace(readings).lines
    assert line.origin.document.key == 1
    assert [e.document.key for e in line.echoes] == [2, 3, 4, 5, 6]


# --- evidence of a telling ---------------------------------------------------------


def mention(
    key: int,
    *,
    polarity: str = "positive",
    modality: Modality = Modality.ATTRIBUTED,
    speaker: str | None = None,
    speaker_type: SpeakerType = SpeakerType.NONE,
    basis: str | None = None,
    sentence_index: int = 0,
) -> Mention:
    claim = ClaimMention(
        sentence_index=sentence_index,
        sentence_start=0,
        sentence_end=10,
        start=0,
        end=10,
        supplier="IRN",
        recipient="RUS",
        item="mohajer-6",
        quantity=None,
        status="delivered",
        polarity=polarity,
        modality=modality,
        speaker=speaker,
        speaker_type=speaker_type,
        basis=basis,
    )
    return Mention(key, 1, claim, "sentence", "text", "test", claim_key=1)


def test_a_telling_rests_on_the_strongest_basis_it_names(pack: Pack) -> None:
    mentions = [
        mention(1, speaker="two officials", speaker_type=SpeakerType.ANONYMOUS),
        mention(
            2,
            speaker="the agency",
            speaker_type=SpeakerType.MEDIA,
            basis="documents",
            sentence_index=1,
        ),
    ]
    found = telling(doc(1, REPORT), Stance.SUPPORTS, mentions, pack.gazetteer)
    assert found.evidence is Evidence.DOCUMENTS


def test_a_denials_evidence_is_the_denials_not_the_reports_it_denies(pack: Pack) -> None:
    mentions = [
        mention(1, speaker="shipping records", basis="documents", modality=Modality.ATTRIBUTED),
        mention(
            2,
            polarity="negative",
            modality=Modality.DENIED,
            speaker="Iran's foreign ministry",
            speaker_type=SpeakerType.GOVERNMENT,
            sentence_index=1,
        ),
    ]
    found = telling(doc(1, REPORT), Stance.REFUTES, mentions, pack.gazetteer)
    assert found == Telling(Evidence.NAMED_SOURCE, "Iran's foreign ministry", "IRN")


def test_a_basis_named_by_nobody_in_a_hedged_aside_counts_for_nothing(pack: Pack) -> None:
    aside = mention(1, modality=Modality.HEDGED, basis="official_statement")
    found = telling(doc(1, REPORT), Stance.SUPPORTS, [aside], pack.gazetteer)
    assert found == Telling(Evidence.UNSOURCED, None, None)


def test_only_an_official_speaks_for_a_state(pack: Pack) -> None:
    outlet = mention(1, speaker="an Iranian news outlet", speaker_type=SpeakerType.MEDIA)
    official = mention(1, speaker="an Iranian official", speaker_type=SpeakerType.NAMED_OFFICIAL)
    assert telling(doc(1, REPORT), Stance.SUPPORTS, [outlet], pack.gazetteer).speaker_party is None
    assert telling(doc(1, REPORT), Stance.SUPPORTS, [official], pack.gazetteer).speaker_party == (
        "IRN"
    )


def test_a_government_outlet_speaking_in_its_own_voice_brings_its_statement(pack: Pack) -> None:
    publisher = Publisher("U.S. Department of State", "USA", Evidence.OFFICIAL_STATEMENT)
    found = telling(
        doc(1, REPORT),
        Stance.SUPPORTS,
        [mention(1, modality=Modality.ASSERTED)],
        pack.gazetteer,
        publisher,
    )
    assert found == Telling(Evidence.OFFICIAL_STATEMENT, "U.S. Department of State", "USA")
    stronger_own = [mention(1, speaker="customs papers", basis="documents")]
    kept = telling(doc(1, REPORT), Stance.SUPPORTS, stronger_own, pack.gazetteer, publisher)
    assert kept.evidence is Evidence.DOCUMENTS


def test_a_document_without_mentions_is_unsourced(pack: Pack) -> None:
    assert telling(doc(1, REPORT), Stance.SUPPORTS, [], pack.gazetteer) == Telling(
        Evidence.UNSOURCED, None, None
    )


@pytest.mark.parametrize(
    ("speaker", "state"),
    [
        ("Iran's foreign ministry", "IRN"),
        ("a Kremlin spokesperson", "RUS"),
        ("U.S. State Department spokesperson", "USA"),
        ("Western officials", None),
        ("", None),
        (None, None),
    ],
)
def test_speaker_state_names_the_state_a_speaker_speaks_for(
    pack: Pack, speaker: str | None, state: str | None
) -> None:
    assert speaker_state(speaker, pack.gazetteer) == state


def test_evidence_is_ranked_documents_first_unsourced_last() -> None:
    assert stronger(Evidence.DOCUMENTS, Evidence.IMAGERY)
    assert stronger(Evidence.ANONYMOUS, Evidence.UNSOURCED)
    assert not stronger(Evidence.UNSOURCED, Evidence.ANONYMOUS)
    assert not stronger(Evidence.NAMED_SOURCE, Evidence.NAMED_SOURCE)


def test_trace_reports_the_edges_it_was_given() -> None:
    edge = LineageEdge(2, 1, LineageKind.LINKS, 1.0, "https://meridianwire.example/a")
    readings = [
        reading(doc(1, REPORT, outlet=WIRE, hours=0), evidence=Evidence.ANONYMOUS),
        reading(doc(2, "Drones reached Russia.", outlet=LEDGER, hours=1)),
    ]
    found = trace_lines(CLAIM, readings, [edge], lambda _a, _b: 0.0)
    assert found.edges == (edge,)
    assert found.lines[0].echoes[0].via == edge


def test_a_rewrite_quoting_a_new_named_official_on_the_record_starts_a_line() -> None:
    origin = doc(1, REPORT, outlet=WIRE, hours=0)
    rewrite = doc(
        2,
        "According to Meridian Wire, Iran has sent Mohajer-6 drones to Russia. Deputy "
        "Minister Aldo Vance confirmed the shipment on the record on Tuesday.",
        outlet=LEDGER,
        hours=5,
    )
    plain = doc(
        3,
        "According to Meridian Wire, Iran has sent Mohajer-6 drones to Russia.",
        outlet=TIMES,
        hours=6,
    )
    named = Reading(
        rewrite,
        Stance.SUPPORTS,
        Telling(Evidence.NAMED_SOURCE, "Deputy Minister Aldo Vance", None, on_record=True),
    )
    found = trace(
        [
            reading(origin, evidence=Evidence.ANONYMOUS, speaker="two officials"),
            named,
            reading(plain, evidence=Evidence.ANONYMOUS, speaker="two officials"),
        ]
    )
    origins = [line.origin.document.key for line in found.lines]
    assert origins == [1, 2]
    [first, _] = found.lines
    assert [echo.document.key for echo in first.echoes] == [3]
