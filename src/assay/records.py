"""The vocabulary of assay: plain, immutable records that stages pass to each other.

Records hold data only. The store turns rows into records and back; stages take
records and return records; front ends render them. Times are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from assay.errors import ReasonCode
from assay.ids import IdKind, format_id


class OutletKind(StrEnum):
    """What sort of publisher an outlet is; ``unknown`` until an analyst or a pack says."""

    GOVERNMENT = "government"
    INTERGOVERNMENTAL = "intergovernmental"
    WIRE = "wire"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    THINK_TANK = "think_tank"
    OSINT = "osint"
    FACT_CHECKER = "fact_checker"
    BLOG = "blog"
    CONTENT_FARM = "content_farm"
    SOCIAL = "social"
    UNKNOWN = "unknown"


class DuplicateKind(StrEnum):
    """How a capture relates to the document it was linked to."""

    ORIGINAL = "original"
    SAME_BYTES = "same_bytes"
    SAME_TEXT = "same_text"
    NEW_VERSION = "new_version"


class CaptureOrigin(StrEnum):
    """Where a capture's bytes came from."""

    FILE = "file"
    URL = "url"
    FEED_ITEM = "feed_item"
    WARC_RECORD = "warc_record"


class CustodyAction(StrEnum):
    """What happened to a piece of evidence; every event is appended, never changed."""

    ADD = "add"
    DERIVE = "derive"
    EXPORT = "export"


@dataclass(frozen=True, slots=True)
class Redirect:
    """One redirect on the way from a requested URL to the final one."""

    url: str
    status: int


@dataclass(frozen=True, slots=True)
class SourceItem:
    """Raw bytes read from one input, before parsing: what gets archived.

    ``hints`` carry metadata known from outside the bytes (a feed item's title and
    date, say); parsing uses them where the document itself says nothing.
    """

    source: str
    raw: bytes
    captured_at: datetime
    media_type_hint: str | None = None
    final_url: str | None = None
    origin: CaptureOrigin = CaptureOrigin.FILE
    redirects: tuple[Redirect, ...] = ()
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    hints: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """What the ingest stage made of one input's bytes: main text and metadata."""

    text: str
    text_sha256: str
    media_type: str
    encoding: str
    tool: str
    tool_version: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    truncated_from: int | None = None
    signature: bytes | None = None
    signature_scheme: str | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publisher, keyed by its domain (or by its name when it has no domain)."""

    key: int
    domain: str | None
    name: str
    kind: OutletKind = OutletKind.UNKNOWN
    country: str | None = None
    state_affiliation: str | None = None
    reliability: str = "F"

    @property
    def id(self) -> str:
        """The readable ID, such as ``O3``."""
        return format_id(IdKind.OUTLET, self.key)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as stored: its main text, metadata and the hashes that tie it to its bytes."""

    key: int
    title: str | None
    author: str | None
    published: str | None
    language: str | None
    site_name: str | None
    url: str | None
    text: str
    raw_sha256: str
    text_sha256: str
    media_type: str
    added_at: datetime
    outlet: Outlet | None = None
    captures: int = 1
    family_key: int | None = None
    versions: int = 1

    @property
    def id(self) -> str:
        """The readable ID, such as ``D12``."""
        return format_id(IdKind.DOCUMENT, self.key)

    @property
    def family(self) -> str | None:
        """The near-duplicate family, named after its first document (``F3``), if any."""
        return None if self.family_key is None else f"F{self.family_key}"


@dataclass(frozen=True, slots=True)
class DocumentVersion:
    """A later text of a document, seen when its URL was fetched again.

    ``added_cues`` and ``removed_cues`` name hedging and attribution words that the
    new text gained or lost: the silent edits that change how sure a report sounds.
    """

    document_key: int
    number: int
    raw_sha256: str
    text_sha256: str
    captured_at: datetime
    diff: str
    added_cues: tuple[str, ...] = ()
    removed_cues: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        """True when the edit added or removed hedging or attribution."""
        return bool(self.added_cues or self.removed_cues)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Another document whose text is nearly the same, with the estimated Jaccard similarity."""

    document_key: int
    similarity: float

    @property
    def id(self) -> str:
        """The readable ID of the other document."""
        return format_id(IdKind.DOCUMENT, self.document_key)


@dataclass(frozen=True, slots=True)
class Capture:
    """One time assay took in an item's bytes: where from, when, what, and with which tool."""

    key: int
    document_key: int
    raw_sha256: str
    source: str
    final_url: str | None
    captured_at: datetime
    size: int
    media_type: str
    tool: str
    tool_version: str
    duplicate: DuplicateKind
    origin: CaptureOrigin = CaptureOrigin.FILE
    redirects: tuple[Redirect, ...] = ()
    http_status: int | None = None


@dataclass(frozen=True, slots=True)
class CustodyEvent:
    """One entry of the append-only custody log, chained to the one before by its hash."""

    key: int
    at: datetime
    action: CustodyAction
    subject_sha256: str
    document_key: int | None
    detail: dict[str, str]
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that did not become a document, with a reason code and a readable message."""

    source: str
    reason: ReasonCode
    message: str
    raw_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class AddedDocument:
    """A document the last ingest created or linked a new source to."""

    document_key: int
    source: str
    duplicate: DuplicateKind

    @property
    def id(self) -> str:
        """The readable ID of the document."""
        return format_id(IdKind.DOCUMENT, self.document_key)


@dataclass(frozen=True, slots=True)
class SkippedSource:
    """A file found inside a folder that is not a document type assay reads."""

    source: str
    reason: str


@dataclass(slots=True)
class IngestReport:
    """The outcome of one ``add``: what was added, linked, unchanged, skipped or failed."""

    added: list[AddedDocument] = field(default_factory=list)
    duplicates: list[AddedDocument] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    from_feed_content: list[str] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)
    near_duplicate_pairs: int = 0

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with everything known about it: captures, versions, near-duplicates, custody."""

    document: Document
    captures: list[Capture]
    custody: list[CustodyEvent]
    versions: list[DocumentVersion] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)


@dataclass(slots=True)
class RefetchReport:
    """The outcome of fetching stored URLs again."""

    checked: int = 0
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[DocumentVersion] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every URL could be fetched."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class OutletDetail:
    """An outlet with the documents it published."""

    outlet: Outlet
    documents: list[Document]
    grades: list[OutletGrade] = field(default_factory=list)
    record: TrackRecord | None = None


@dataclass(frozen=True, slots=True)
class ArchiveProblem:
    """An archived item whose bytes are missing or no longer match their SHA-256."""

    raw_sha256: str
    problem: str
    sources: list[str]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of re-hashing the whole archive and checking the custody chain."""

    checked: int
    problems: list[ArchiveProblem]
    custody_events: int
    custody_problems: list[str]
    unreferenced: list[str]

    @property
    def ok(self) -> bool:
        """True when every item matched and the custody chain is intact."""
        return not self.problems and not self.custody_problems


# A mention's item is a catalogue system ID or this prefix and a category ID.
CATEGORY_PREFIX = "category:"


class Modality(StrEnum):
    """How a sentence puts a claim; when several apply, the first listed here wins."""

    DENIED = "denied"
    QUESTIONED = "questioned"
    SPECULATIVE = "speculative"
    ATTRIBUTED = "attributed"
    HEDGED = "hedged"
    ASSERTED = "asserted"


class SpeakerType(StrEnum):
    """Who a claim is attributed to, by kind."""

    NAMED_OFFICIAL = "named_official"
    GOVERNMENT = "government"
    INTELLIGENCE = "intelligence"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One claim as one sentence puts it: who gives what to whom, how said, on what basis.

    ``start``/``end`` are the claim's core in the document text, and
    ``sentence_start``/``sentence_end`` its sentence, so every mention can be traced
    back to the exact words in the archived document. ``item`` is a catalogue system id
    or ``category:<id>``. ``cues`` are the words that decided the reading (the
    transfer verb, a hedge, a denial), for an analyst to check.
    """

    sentence_index: int
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    supplier: str | None
    recipient: str | None
    item: str
    quantity: int | None
    status: str
    polarity: str
    modality: Modality
    speaker: str | None
    speaker_type: SpeakerType
    basis: str | None
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """Where a document says its claims come from, in a sentence of its own.

    "The reports came from intelligence reports and statements from Western officials"
    names no transfer, but tells whom the article's claims rest on.
    """

    sentence_index: int
    text: str
    speaker_types: tuple[SpeakerType, ...]
    basis: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stored mention: the extracted claim, its document, and what produced it."""

    key: int
    document_key: int
    claim: ClaimMention
    sentence: str
    text: str
    extractor: str
    claim_key: int | None = None

    @property
    def id(self) -> str:
        """The readable ID, such as ``M7``."""
        return format_id(IdKind.MENTION, self.key)

    @property
    def claim_id(self) -> str | None:
        """The readable ID of the claim it states (``C4``), once matching has run."""
        return None if self.claim_key is None else format_id(IdKind.CLAIM, self.claim_key)

    @property
    def document_id(self) -> str:
        """The readable ID of the document it came from."""
        return format_id(IdKind.DOCUMENT, self.document_key)


@dataclass(slots=True)
class ExtractReport:
    """What an extraction run did: documents read, sentences parsed, mentions found."""

    documents: int = 0
    current: int = 0
    sentences: int = 0
    parsed: int = 0
    mentions: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def parsed_share(self) -> float:
        """The share of sentences the pre-filter sent to the parser."""
        return self.parsed / self.sentences if self.sentences else 0.0


class Stance(StrEnum):
    """How a document stands toward a claim (FNC-1's agree, disagree, discuss, unrelated)."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    DISCUSSES = "discusses"
    UNRELATED = "unrelated"


class StanceBasis(StrEnum):
    """What a document's stance was read from.

    ``mentions``: the document states the claim itself, and its mentions' polarity and
    modality decide the stance, each traceable to a sentence. ``text``: the document
    states only a related claim (the same transfer at another stage, its category, a
    party left unnamed), and the stance model read its text against the claim.
    """

    MENTIONS = "mentions"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Claim:
    """A canonical claim: who gives what to whom, at which stage of a transfer.

    ``stage`` is delivery, deal, offer or halt; ``text`` says the claim in words built
    from the pack's names ("Alpha delivered Kestrel-9 to Beta"), as the stance model
    reads it. The key, and so the ID, never changes once given.
    """

    key: int
    supplier: str | None
    recipient: str | None
    item: str
    stage: str
    text: str

    @property
    def id(self) -> str:
        """The readable ID, such as ``C12``."""
        return format_id(IdKind.CLAIM, self.key)


@dataclass(frozen=True, slots=True)
class DocumentStance:
    """One document's stance toward one claim, with the stance model's own reading.

    ``stance`` and ``score`` are the answer; ``model_stance`` and ``probabilities``
    are what the stance model made of the document's text, kept beside a reading from
    mentions so an analyst sees where the two differ.
    """

    document_key: int
    claim_key: int
    stance: Stance
    score: float
    basis: StanceBasis
    model_stance: Stance
    probabilities: dict[Stance, float]
    model: str

    @property
    def document_id(self) -> str:
        """The readable ID of the document."""
        return format_id(IdKind.DOCUMENT, self.document_key)

    @property
    def claim_id(self) -> str:
        """The readable ID of the claim."""
        return format_id(IdKind.CLAIM, self.claim_key)


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """A claim with how much reporting it has and how that reporting stands."""

    claim: Claim
    documents: int
    mentions: int
    stances: dict[Stance, int]
    first_published: str | None


@dataclass(frozen=True, slots=True)
class RelatedClaim:
    """A link from a claim to another: ``kind`` is stage, refines or names_party.

    ``outgoing`` is true when the claim shown is the link's source ("this claim refines
    that one") and false when it is the target.
    """

    kind: str
    outgoing: bool
    claim: Claim


@dataclass(frozen=True, slots=True)
class ClaimDocument:
    """A document that states or discusses a claim: its stance and its mentions of it."""

    document: Document
    stance: DocumentStance
    mentions: list[Mention]


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    """One claim with every document that bears on it and the claims it is linked to."""

    summary: ClaimSummary
    documents: list[ClaimDocument]
    related: list[RelatedClaim]


@dataclass(slots=True)
class MatchReport:
    """What a matching run did: claims made and linked, stances read."""

    claims: int = 0
    new_claims: int = 0
    links: int = 0
    stances: int = 0
    current: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


ADMIRALTY_GRADES = ("A", "B", "C", "D", "E", "F")  # completely reliable ... cannot be judged


@dataclass(frozen=True, slots=True)
class OutletGrade:
    """One grading of an outlet by an analyst: appended, so the history is kept."""

    outlet_key: int
    grade: str
    kind: OutletKind | None
    note: str
    by: str
    at: datetime


class LineageKind(StrEnum):
    """How a later document takes its account of a claim from an earlier one."""

    NEAR_COPY = "near_copy"
    SYNDICATION = "syndication"
    PASSAGE_REUSE = "passage_reuse"
    LINKS = "links"
    CITES = "cites"
    SAME_SOURCE = "same_source"
    REPEATS = "repeats"


@dataclass(frozen=True, slots=True)
class LineageEdge:
    """An earlier document (``parent_key``) a later one (``child_key``) draws on, and why.

    ``evidence`` is the words that show it: the shared passage, the citing phrase, the
    link. ``same_source`` joins two tellings that quote the same party with the same
    kind of evidence (two reports of one briefing). ``repeats`` is the weakest kind: an
    unsourced telling attached to the earlier line it most resembles, since it cannot be
    an origin of its own.
    """

    child_key: int
    parent_key: int
    kind: LineageKind
    score: float
    evidence: str


class Evidence(StrEnum):
    """What a telling of a claim rests on, strongest first."""

    DOCUMENTS = "documents"
    IMAGERY = "imagery"
    OFFICIAL_STATEMENT = "official_statement"
    INTELLIGENCE = "intelligence"
    EYEWITNESS = "eyewitness"
    NAMED_SOURCE = "named_source"
    ANONYMOUS = "anonymous"
    UNSOURCED = "unsourced"

    @property
    def strong(self) -> bool:
        """Documents, imagery or an official statement: evidence that stands on its own."""
        return self in (Evidence.DOCUMENTS, Evidence.IMAGERY, Evidence.OFFICIAL_STATEMENT)

    @property
    def weak(self) -> bool:
        """Anonymous sources or none at all."""
        return self in (Evidence.ANONYMOUS, Evidence.UNSOURCED)


@dataclass(frozen=True, slots=True)
class LineMember:
    """A document in a line of reporting: the origin, or an echo with the edge it came by.

    ``stated`` is False when the document does not state this claim in a sentence of its
    own and its stance was read from its text against a linked claim.
    """

    document: Document
    stance: Stance
    evidence: Evidence
    speaker: str | None
    speaker_party: str | None
    via: LineageEdge | None = None
    stated: bool = True


@dataclass(frozen=True, slots=True)
class ReportingLine:
    """One independent line of reporting on a claim: an origin and the documents echoing it.

    ``reliability`` is the origin outlet's Admiralty grade (A-F) and ``credibility`` the
    information's (1 confirmed ... 6 cannot be judged), from its evidence and whether
    other independent lines agree.
    """

    number: int
    origin: LineMember
    echoes: tuple[LineMember, ...]
    reliability: str
    credibility: int
    direction: Stance | None = None

    @property
    def stance(self) -> Stance:
        """The line's stance: its origin's, or the echoes' where the origin only discusses.

        A hedged report that only raises a claim, echoed by pages asserting it, is one
        line that supports it (as weakly as its origin's evidence allows).
        """
        return self.direction or self.origin.stance


@dataclass(frozen=True, slots=True)
class ClaimTrace:
    """A claim's independent lines of reporting and the edges that tied echoes to origins."""

    claim: Claim
    lines: tuple[ReportingLine, ...]
    edges: tuple[LineageEdge, ...]


@dataclass(frozen=True, slots=True)
class Driver:
    """One line's pull on the assessment, in natural log-odds, and why it pulls that much."""

    line: int
    document_id: str
    log_odds: float
    reason: str
    without: float


@dataclass(frozen=True, slots=True)
class MissingEvidence:
    """A piece of evidence not yet seen, and the probability it would lead to."""

    description: str
    probability: float


@dataclass(frozen=True, slots=True)
class Assessment:
    """How likely a claim is at one moment, why, and what would change it.

    Stored as history: each run appends one, stamped with the method's version and the
    pack's hash, so an earlier judgement can always be read as it was made.
    """

    claim: Claim
    at: datetime
    prior: float
    probability: float
    word: str
    confidence: str
    lines: int
    documents: int
    line_stances: dict[Stance, int]
    drivers: tuple[Driver, ...]
    missing: tuple[MissingEvidence, ...]
    method: str
    pack_sha256: str
    key: int | None = None

    @property
    def echoes(self) -> int:
        """Documents that only repeat an origin: counted, never weighed."""
        return self.documents - self.lines


@dataclass(frozen=True, slots=True)
class Resolution:
    """An analyst settling a claim as true or false, with the evidence that settles it.

    Appended, never changed: a claim settled twice keeps both, and the latest counts.
    """

    claim_key: int
    verdict: bool
    evidence: str
    note: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """An outlet's record on settled claims: documents it published that took a side.

    ``right``: it supported a claim settled true or refuted one settled false; ``wrong``:
    the reverse; ``pending``: it took a side on a claim not settled yet.
    """

    outlet_key: int
    right: int = 0
    wrong: int = 0
    pending: int = 0


CONSISTENCY = ("CC", "C", "N", "I", "II")  # very consistent ... very inconsistent


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One competing explanation of the reporting on a claim (ACH)."""

    key: str
    label: str
    added_by: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class CellOverride:
    """An analyst's own reading of one cell of the matrix, with who and why; kept as history."""

    claim_key: int
    hypothesis: str
    document_key: int
    value: str
    by: str
    why: str
    at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One row of the ACH matrix: an independent line and how it fits each hypothesis.

    ``diagnosticity`` is the spread of its consistency across hypotheses: an item that
    fits every hypothesis equally helps choose none.
    """

    line: int
    document_id: str
    description: str
    weight: float
    cells: dict[str, str]
    overridden: dict[str, CellOverride]
    diagnosticity: float


@dataclass(frozen=True, slots=True)
class AchMatrix:
    """Analysis of competing hypotheses for a claim: the matrix and the least inconsistent.

    ``inconsistency`` sums, per hypothesis, each item's weight times how inconsistent it
    is (1 for I, 2 for II): as Heuer advises, hypotheses are ranked by the evidence
    against them, not for them. ``least_inconsistent`` is None when the lowest score is
    shared, so no hypothesis is singled out where the evidence does not tell them apart.
    """

    claim: Claim
    hypotheses: tuple[Hypothesis, ...]
    items: tuple[EvidenceItem, ...]
    inconsistency: dict[str, float]
    least_inconsistent: str | None
