"""Lineage edges among the documents bearing on one claim: who took their account from whom.

Four signs, strongest first: the two texts are near-copies (the same near-duplicate
family; across outlets with a credit, syndication); the later one reuses passages of
the earlier (word 8-grams, as passim aligns reprints); it links to the earlier one's
address; it names the earlier one's outlet beside a citing phrase ("according to").
The earlier publication is always taken as the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assay.lineage.citations import cited_outlets, linked_addresses
from assay.lineage.passages import ShingledText, shared_passages
from assay.records import Document, LineageEdge, LineageKind

# A passage counts as reused from a run of 15 words or more (8 consecutive shared 8-grams);
# scattered short matches (a place name, a stock phrase) do not add up to one.
MIN_RUN_WORDS = 15
STRENGTH = {kind: rank for rank, kind in enumerate(LineageKind)}


def publication_order(document: Document) -> tuple[bool, str, int]:
    """Sort key: dated documents by date, then undated ones, ties by key."""
    return (document.published is None, document.published or "", document.key)


@dataclass
class LineageInputs:
    """The documents of one claim, with what lineage reads of each."""

    documents: Sequence[Document]
    raw_html: Mapping[int, str] = field(default_factory=dict)
    cues: Iterable[str] = ()
    shingles: dict[int, ShingledText] = field(default_factory=dict)

    def shingled(self, document: Document) -> ShingledText:
        """The shingles of a document's text, computed once."""
        if document.key not in self.shingles:
            self.shingles[document.key] = ShingledText.of(document.text)
        return self.shingles[document.key]

    def resemblance(self, child: Document, parent: Document) -> float:
        """The share of ``child``'s 8-grams found in ``parent``."""
        return shared_passages(self.shingled(child), self.shingled(parent)).coverage


def _outlet_names(document: Document) -> list[str]:
    names = [document.site_name or ""]
    if document.outlet is not None:
        names += [document.outlet.name, document.outlet.domain or ""]
    return [n for n in names if n]


def _copy_edge(child: Document, parent: Document, cited: set[int]) -> LineageEdge | None:
    if child.family_key is None or child.family_key != parent.family_key:
        return None
    other_outlet = (child.outlet and child.outlet.key) != (parent.outlet and parent.outlet.key)
    kind = (
        LineageKind.SYNDICATION
        if other_outlet and parent.outlet and parent.outlet.key in cited
        else LineageKind.NEAR_COPY
    )
    return LineageEdge(child.key, parent.key, kind, 1.0, f"near-duplicate family {child.family}")


def find_edges(inputs: LineageInputs) -> list[LineageEdge]:
    """Every edge from a document to an earlier one it draws on."""
    ordered = sorted(inputs.documents, key=publication_order)
    edges: list[LineageEdge] = []
    for index, child in enumerate(ordered):
        earlier = ordered[:index]
        if not earlier:
            continue
        outlets = {
            d.outlet.key: _outlet_names(d)
            for d in earlier
            if d.outlet is not None and d.outlet.key != (child.outlet and child.outlet.key)
        }
        citations = cited_outlets(child.text, outlets, inputs.cues)
        cited = {c.outlet_key for c in citations}
        for parent in earlier:
            edge = _copy_edge(child, parent, cited)
            if edge is not None:
                edges.append(edge)
                continue
            passages = shared_passages(inputs.shingled(child), inputs.shingled(parent))
            if passages.run_words >= MIN_RUN_WORDS:
                edges.append(
                    LineageEdge(
                        child.key,
                        parent.key,
                        LineageKind.PASSAGE_REUSE,
                        round(passages.coverage, 3),
                        passages.longest[:300],
                    )
                )
        html = inputs.raw_html.get(child.key)
        if html:
            addresses = {d.key: d.url for d in earlier if d.url}
            for key in linked_addresses(html, addresses):
                edges.append(LineageEdge(child.key, key, LineageKind.LINKS, 1.0, addresses[key]))
        for citation in citations:
            first = next(d for d in earlier if d.outlet and d.outlet.key == citation.outlet_key)
            edges.append(LineageEdge(child.key, first.key, LineageKind.CITES, 1.0, citation.phrase))
    return edges
