"""How a sentence frames a transfer: its status, polarity, modality, speaker and basis.

Two walks up the parse from the trigger decide most of it. The *clause* walk stays in
the trigger's own clause and the verbs that control it ("offered to sell", "is set to
deliver", "paused deliveries", "seized missiles bound for"): its lemmas give the status
and its negations the polarity. The *speaker* walk goes on to the first verb of saying
or denying above the clause ("officials said", "the ministry denied"): its subject is
the speaker, and a denying verb makes the mention a denial by that speaker. Hedges,
questions and evidence cues are read from the sentence's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token

from assay.extract.cues import STATUS_ORDER, Cues
from assay.extract.items import ActorOccurrence
from assay.records import Modality, SpeakerType

# Dependencies that keep a walk inside the trigger's clause and its controlling verbs.
_CLAUSE_DEPS = frozenset(
    {
        "xcomp",
        "acl",
        "advcl",
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "conj",
        "attr",
        "acomp",
        "appos",
        "pcomp",
    }
)
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "would"})
_PERFECT = frozenset({"have", "has", "had", "'ve"})
_SPEAKER_STOPS = frozenset({",", ";", "(", "\u2014", "\u2013", '"', "\u201c", "\u201d"})
# Verbs that put a question ("officials asked whether ..."): their subject is its speaker.
_ASKING = frozenset({"ask", "wonder", "question", "query"})
# Nouns that, with "no", say a claim has nothing behind it ("there is no evidence that ...");
# they never set a status ("no sign that" is no signing).
_GROUNDS = frozenset({"evidence", "proof", "sign", "indication", "truth", "basis", "confirmation"})
_CLIMB_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything about how the sentence puts the claim, apart from its parties and item."""

    status: str
    polarity: str
    modality: Modality
    speaker: Span | None
    speaker_type: SpeakerType
    basis: str | None
    cues: tuple[str, ...]


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the words above it in its own clause."""
    chain = [trigger]
    token = trigger
    for _ in range(_CLIMB_LIMIT):
        if (
            (token.dep_ not in _CLAUSE_DEPS and not _infinitive_complement(token))
            or token.head == token
            or _own_clause(token)
        ):
            break
        token = token.head
        chain.append(token)
    return chain


def _infinitive_complement(token: Token) -> bool:
    """True for "to arrive" in "expect the drones to arrive", parsed as a clause of its own.

    A bare infinitive counts too ("asked to let it buy"): with no modal and no "that", it
    is no reported clause but part of the one above.
    """
    if token.dep_ != "ccomp":
        return False
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "mark")]
    if token.tag_ == "VB" and not auxiliaries:
        return True
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in auxiliaries)


def _is_to(chain: list[Token]) -> bool:
    """True for a transfer set down as due: "Alpha is to supply X-1 jets"."""
    return any(
        token.dep_ == "xcomp" and token.head.lemma_ == "be" and token.head in chain
        for token in chain
    ) and any(child.dep_ == "aux" and child.tag_ == "TO" for child in chain[0].children)


def _own_clause(token: Token) -> bool:
    """Whether a coordinated verb has a subject of its own, and so heads its own clause.

    "Alpha suspended talks on X-1 jets, and Beta ordered X-2 jets": "ordered" does not
    take the status of the verb before the "and".
    """
    return token.dep_ == "conj" and any(
        child.dep_ in ("nsubj", "nsubjpass") for child in token.children
    )


def _speaker_verbs(trigger: Token, cues: Cues) -> list[Token]:
    """The verbs of saying or denying above the trigger, nearest first.

    A denial above a relative clause denies the main clause, not what the relative clause
    says of its noun: "Alpha, which says it sent drones before the war, denies sending
    any since" admits the first transfer.
    """
    found = []
    token = trigger
    below = trigger
    in_relative = False
    for _ in range(_CLIMB_LIMIT):
        lemma = token.lemma_.lower()
        is_verb = token.pos_ == "VERB"
        if (
            token != trigger
            and is_verb
            and (
                lemma in cues.reporting_verbs
                or (_denies(token, cues) and not in_relative)
                or (lemma in _ASKING and _asks_whether(below))
            )
        ):
            found.append(token)
        if token.head == token:
            break
        # "a report that Alpha shipped ...", often parsed as a relative clause, is the
        # report's content, which a denial of the report does deny
        in_relative = in_relative or (
            token.dep_ == "relcl" and token.head.lemma_.lower() not in cues.claim_nouns
        )
        below, token = token, token.head
    if not found:
        # "Alpha sent drones, officials said": the verb of saying hangs off the clause.
        for word in (trigger, token):
            for child in word.children:
                if child.dep_ in ("parataxis", "ccomp", "conj", "advcl") and (
                    child.lemma_.lower() in cues.reporting_verbs
                ):
                    return [child]
    return found


def _denies(verb: Token, cues: Cues) -> bool:
    """True for a verb of denial, or one that labels the claim false ("called it baseless")."""
    lemma = verb.lemma_.lower()
    if lemma in cues.denials:
        return True
    return lemma in cues.labelling_verbs and cues.denial_phrases.contains(verb.doc.text)


def _trailing_denial(sentence: Doc, cues: Cues) -> tuple[Token, Span | None] | None:
    """The verb and speaker of a denial tacked on as "..., a charge Beta denied", or None."""
    for noun in sentence:
        if noun.lemma_.lower() not in cues.claim_nouns or noun.dep_ not in ("appos", "npadvmod"):
            continue
        for clause in noun.children:
            if clause.dep_ in ("relcl", "acl") and _denies(clause, cues):
                subject = _subject_of(clause)
                return clause, speaker_span(subject) if subject is not None else None
    return None


def _asks_whether(clause: Token) -> bool:
    """True for the clause of "asked whether ...", a question someone puts."""
    return any(
        child.dep_ == "mark" and child.lower_ in ("whether", "if") for child in clause.children
    )


def _subject_of(verb: Token) -> Token | None:
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    found = agents or subject
    if found and found[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head  # "Alpha, which says ...": the relative pronoun stands for Alpha
    if not found and verb.i > 0:
        # "..., the embassy in Capital said": the parser often hangs the speaker as an
        # apposition on the last noun of the claim, right before the verb
        before = verb.doc[verb.i - 1]
        while before.dep_ != "appos" and before.head.i < verb.i and before.head != before:
            before = before.head
        if before.dep_ == "appos" and before.right_edge.i == verb.i - 1:
            return before
    return found[0] if found else None


def _speaker(verbs: list[Token], cues: Cues) -> tuple[Token | None, Span | None]:
    """The verb and speaker a claim is put down to.

    A denial belongs to whoever denies. Otherwise the outermost named speaker wins:
    in "a lawmaker said officials told him", the report is the lawmaker's. Pronouns
    and evidence ("intercepted calls reveal") are not speakers.
    """
    for verb in verbs:
        if _denies(verb, cues):
            subject = _subject_of(verb)
            return verb, speaker_span(subject) if subject is not None else None
    chosen: tuple[Token | None, Span | None] = (None, None)
    for verb in verbs:
        subject = _subject_of(verb)
        if subject is None or subject.pos_ == "PRON":
            continue
        span = speaker_span(subject)
        if cues.basis_of(span.text) not in (None, "intelligence_report", "official_statement"):
            continue
        if not is_speaker_like(span, cues):
            continue  # "the coming months will show ...": not someone who says things
        chosen = (verb, span)
    return chosen


def _split_denial(span: Span | None, cues: Cues) -> tuple[Span | None, bool]:
    """A speaker phrase swallowing a denial verb, split: "Capital rejects" -> Capital, denied.

    Headlines drop articles, so "Capital rejects report it sent drones" can parse with
    "Capital rejects" as one noun phrase and "report" as the verb; the denial is then
    inside the speaker. The words before it are the speaker, and the claim is denied.
    """
    if span is None:
        return None, False
    for token in span[1:]:
        word = token.lower_
        stems = {token.lemma_.lower(), word, word.removesuffix("s"), word.removesuffix("es")}
        if stems & cues.denials:
            return span.doc[span.start : token.i], True
    return span, False


def is_speaker_like(span: Span, cues: Cues) -> bool:
    """True for a phrase that can name a speaker: a name, or a word for a source."""
    if any(token.pos_ == "PROPN" for token in span):
        return True
    return any(index.contains(span.text) for index in cues.speakers.values())


# How the content of "the claim that ..." hangs on its noun (a "that" clause is often
# parsed as a relative clause).
_CONTENT_DEPS = frozenset({"acl", "relcl", "ccomp", "appos"})
_QUOTES = frozenset('"\u201c\u201d')


def _reported_by_nobody_named(
    sentence: Doc, trigger: Token, verbs: list[Token], cues: Cues
) -> str | None:
    """The words that make a claim reported rather than asserted, when no speaker is named.

    "Posts claim that Alpha sent ...", "the rumour that Alpha sent ...", "Claim: Alpha
    sent ...", and a headline quoted in the text ("headlines such as \u201cAlpha Sends
    ...\u201d") all put a claim in the text without the text standing behind it.
    """
    for verb in verbs:
        subject = _subject_of(verb)
        evidence = subject is not None and cues.basis_of(speaker_span(subject).text) is not None
        if verb.lemma_.lower() in cues.reporting_verbs and not evidence:
            return verb.text  # "intercepted calls reveal ..." is evidence, not a report
    token = trigger
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head == token:
            break
        if token.dep_ in _CONTENT_DEPS and head.lemma_.lower() in cues.claim_nouns:
            return head.text
        token = head
    first = sentence[0]
    if first.lemma_.lower() in cues.claim_nouns and len(sentence) > 1 and sentence[1].text == ":":
        return first.text
    before = sentence.text[: trigger.idx - sentence[0].idx]
    if sum(before.count(mark) for mark in _QUOTES) % 2 == 1:
        return "quoted"
    return None


def _modality(
    *, negative: bool, question: bool, speculative: bool, attributed: bool, hedged: bool
) -> Modality:
    """The first that applies, in :class:`Modality` order: a denial outranks all else."""
    for applies, modality in (
        (negative, Modality.DENIED),
        (question, Modality.QUESTIONED),
        (speculative, Modality.SPECULATIVE),
        (attributed, Modality.ATTRIBUTED),
        (hedged, Modality.HEDGED),
    ):
        if applies:
            return modality
    return Modality.ASSERTED


def _modals(chain: list[Token]) -> list[Token]:
    return [c for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")]


def status_of(chain: list[Token], cues: Cues) -> tuple[str, str | None]:
    """The transfer's status and the word that set it; ``delivered`` when none does."""
    modals = _modals(chain)
    modifiers = [c for c in chain[0].children if c.dep_ in ("amod", "compound")]
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in cues.interdictions:
        modifiers.append(top.head)  # "seized missiles destined for Beta", parsed as a clause
    # "had bought X and had also received Y": a coordinated transfer verb has its own
    # status, though it shares the first verb's modals ("will buy and deploy")
    coordinated = (
        chain[1]
        if len(chain) > 1 and chain[0].dep_ == "conj" and chain[0].pos_ == chain[1].pos_ == "VERB"
        else None
    )
    words = [  # "signs of a delivery" is evidence; "signed for jets", "signs for jets" deals
        t
        for t in (*chain, *modals, *modifiers)
        if (t.lemma_.lower() not in _GROUNDS or t.pos_ in ("VERB", "AUX") or t == chain[0])
        and t != coordinated
    ]
    lemmas = {t.lemma_.lower(): t.text for t in words} | {t.lower_: t.text for t in words}
    lemmas |= _phrasal_lemmas(words)
    # the parser may lemmatise a headline's verb as itself ("signs"); the dictionary's
    # lemmas of the trigger word stand in
    lemmas |= {
        lemma: chain[0].text
        for forms in getAllLemmas(chain[0].lower_).values()
        for lemma in forms
        if lemma not in lemmas
    }
    for status in STATUS_ORDER:
        if status == "agreed" and _weighed(chain):
            return "planned", "whether"
        if status == "agreed":
            # A future sale is a plan: "Iraq to buy ...", "will buy ..."
            future = [t for t in modals if t.lower_ in _FUTURE_AUX]
            if future:
                return "planned", future[0].text
            if _is_headline_infinitive(chain[0]) or _is_to(chain):
                return "planned", "to"
        for lemma in cues.statuses.get(status, ()):
            if lemma in lemmas:
                return status, lemmas[lemma]
    return "delivered", None


def _weighed(chain: list[Token]) -> bool:
    """A transfer weighed as an option ("reviewing whether to supply"): a possible plan."""
    return any(
        child.dep_ == "mark" and child.lower_ == "whether"
        for token in chain
        for child in token.children
    ) and any(child.dep_ == "aux" and child.tag_ == "TO" for child in chain[0].children)


def _phrasal_lemmas(words: list[Token]) -> dict[str, str]:
    """Multi-word status cues as the lexicon writes them ("held up" → "hold up")."""
    found = {}
    for word in words:
        lemma = word.lemma_.lower()
        for child in word.children:
            if child.dep_ == "prt":
                found[f"{lemma} {child.lower_}"] = f"{word.text} {child.text}"
            elif child.dep_ == "prep":
                objects = [obj for obj in child.children if obj.dep_ == "pobj"]
                if not objects and child.i + 1 < len(child.doc):
                    objects = [child.doc[child.i + 1]]  # "put on hold an order", misparsed
                for obj in objects:
                    phrase = f"{lemma} {child.lower_} {obj.lower_}"
                    found[phrase] = f"{word.text} {child.text} {obj.text}"
    return found


def _is_headline_infinitive(trigger: Token) -> bool:
    """A headline's bare "Britain to send ...": the infinitive is the main verb."""
    return trigger.dep_ == "ROOT" and any(
        child.dep_ == "aux" and child.tag_ == "TO" for child in trigger.children
    )


def _is_negated(chain: list[Token], item_anchor: Token) -> Token | None:
    for token in chain:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return child
    for child in item_anchor.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return child
    return None


def _refuted(trigger: Token, cues: Cues) -> Token | None:
    """The word that rules a claim out from outside its clause, or None.

    "There is no evidence that Alpha sent ...": the claim is the content of "no evidence".
    "The claim that Alpha sent ... is false": the claim's noun is called false.
    """
    token = trigger
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head == token:
            return None
        if token.dep_ in _CONTENT_DEPS or (token.dep_ == "pcomp" and head.head != head):
            noun = head if token.dep_ != "pcomp" else head.head
            if noun.lemma_.lower() in _GROUNDS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in noun.children
            ):
                return noun
            if noun.lemma_.lower() in cues.claim_nouns and noun.dep_ in ("nsubj", "nsubjpass"):
                verdicts = [c for c in noun.head.children if c.dep_ in ("acomp", "attr")]
                if any(cues.denial_phrases.contains(v.text) for v in verdicts):
                    return noun
        token = head
    return None


def _is_question(doc: Doc, chain: list[Token], speaker_verb: Token | None, cues: Cues) -> bool:
    for token in chain:
        for child in token.children:
            embedded = child.lower_ == "whether" or token.dep_ in ("ccomp", "dobj")
            if child.dep_ == "mark" and child.lower_ in cues.questions and embedded:
                return True
    return doc.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?") and speaker_verb is None


def _speculation(chain: list[Token], cues: Cues) -> Token | None:
    modals = _modals(chain[:3])
    if any(m.lower_ in _PERFECT for m in modals):
        return None
    return next((m for m in modals if m.lower_ in cues.speculation), None)


def speaker_span(head: Token) -> Span:
    """The speaker's phrase, cut at the first comma or bracket after its head."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for token in doc[head.i + 1 : end]:
        if token.text in _SPEAKER_STOPS or token.dep_ == "relcl":
            end = token.i
            break
    for token in doc[start : head.i]:
        if token.text in _SPEAKER_STOPS:
            start = token.i + 1
    return doc[start:end]


def _according_to(doc: Doc, cues: Cues) -> Span | None:
    """The speaker of "according to X", "citing X", "as first reported by X".

    A one-word cue counts only after a comma or at the start: ", per two officials" names
    a source, "200 dollars per round" does not.
    """
    text = doc.text  # joined anew on every read
    for hit in cues.attributions.find(text):
        after = doc.char_span(hit.end, len(text), alignment_mode="expand")
        if after is None or not len(after):
            continue
        if " " not in hit.form and text[: hit.start].rstrip()[-1:] not in ("", ","):
            continue
        first = after[0]
        while first.is_punct and first.i + 1 < len(doc):
            first = doc[first.i + 1]
        root = first
        while root.head != root and root.head.idx >= hit.end:
            root = root.head
        return speaker_span(root)
    return None


def speaker_type_of(
    speaker: Span, sentence: Doc, occurrences: list[ActorOccurrence], cues: Cues
) -> SpeakerType:
    """What sort of speaker ``speaker`` is, by the words that name it."""
    text = speaker.text
    if cues.speakers["anonymous"].contains(text) or cues.anonymity.contains(sentence.text):
        return SpeakerType.ANONYMOUS
    if cues.speakers["intelligence"].contains(text):
        return SpeakerType.INTELLIGENCE
    if cues.speakers["media"].contains(text) and not cues.speakers["government"].contains(text):
        return SpeakerType.MEDIA
    covered = {t.i for o in occurrences for t in o.span}
    for hit in cues.speakers["government"].find_all(text):
        span = sentence.char_span(
            speaker.start_char + hit.start, speaker.start_char + hit.end, alignment_mode="expand"
        )
        if span is not None:
            covered |= {t.i for t in span}
    # "Beta's defence minister, Admiral X Y, said": the name stands in apposition
    named = [*speaker, *(t for c in speaker.root.children if c.dep_ == "appos" for t in c.subtree)]
    names = [t for t in named if t.pos_ == "PROPN" and t.i not in covered and not _titled(t)]
    if _is_masthead(speaker, covered):
        return SpeakerType.MEDIA
    titled = cues.speakers["named_official"].contains(text)
    surname = len(speaker) == 1 and len(names) == 1  # "Park said", named earlier in full
    if names and (titled or len(names) >= 2 or surname):
        return SpeakerType.NAMED_OFFICIAL
    return SpeakerType.GOVERNMENT


def _titled(token: Token) -> bool:
    """True for a word of a capitalised title after "the" ("the Kiel Institute"): no person."""
    while token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN":
        token = token.doc[token.i - 1]
    return token.i > 0 and token.doc[token.i - 1].lower_ == "the"


def _is_masthead(speaker: Span, covered: set[int]) -> bool:
    """True for "the Harbour Chronicle": a title after "the" whose head names no party.

    People's names take no article, and parties and offices are covered already, so a
    capitalised title after "the" ending in an uncovered word is a publication, even
    when it starts with a place ("the Capital Dispatch").
    """
    words = [t for t in speaker[1:] if not t.is_punct]
    return (
        speaker[0].lower_ == "the"
        and bool(words)
        and all(t.is_title for t in words)
        and words[-1].i not in covered
    )


def frame(
    sentence: Doc,
    trigger: Token,
    item_anchor: Token,
    occurrences: list[ActorOccurrence],
    cues: Cues,
) -> Frame:
    """Read the status, polarity, modality, speaker and basis of one mention."""
    chain = clause_chain(trigger)
    status, status_cue = status_of(chain, cues)
    notes: list[str] = [trigger.text]
    if status_cue:
        notes.append(status_cue)
    speaker_verb, speaker = _speaker(_speaker_verbs(trigger, cues), cues)
    speaker, denial_in_speaker = _split_denial(speaker, cues)
    denied_by_speaker = denial_in_speaker
    if speaker_verb is not None:
        notes.append(speaker_verb.text)
        denied_by_speaker = denied_by_speaker or _denies(speaker_verb, cues)
    trailing = None if denied_by_speaker else _trailing_denial(sentence, cues)
    if trailing is not None:
        # "Alpha accused Beta of ..., a charge Beta denied": the denial has the last word
        speaker_verb, speaker, denied_by_speaker = trailing[0], trailing[1], True
        notes.append(speaker_verb.text)
    if speaker is None:
        speaker = _according_to(sentence, cues)
    negation = _is_negated(chain, item_anchor) or _refuted(trigger, cues)
    text = sentence.text  # joined anew on every read
    calls_false = cues.denial_phrases.contains(text) and speaker_verb is not None
    polarity = (
        "negative" if negation is not None or denied_by_speaker or calls_false else "positive"
    )
    if negation is not None:
        notes.append(negation.text)
    speculation = _speculation(chain, cues)
    # "could buy", "may soon receive": a possible future transfer is a plan, whatever verb
    if speculation is not None and status in ("delivered", "planned", "agreed"):
        status = "planned"
        notes.append(speculation.text)
    hedges = cues.hedges.find(text)
    reported = (
        None
        if speaker is not None
        else _reported_by_nobody_named(sentence, trigger, _speaker_verbs(trigger, cues), cues)
    )
    if reported is not None:
        notes.append(reported)
    modality = _modality(
        negative=polarity == "negative",
        question=_is_question(sentence, chain, speaker_verb, cues),
        speculative=speculation is not None,
        attributed=speaker is not None,
        hedged=bool(hedges) or reported is not None,
    )
    notes.extend(text[h.start : h.end] for h in hedges)
    speaker_type = (
        speaker_type_of(speaker, sentence, occurrences, cues) if speaker else SpeakerType.NONE
    )
    basis = cues.basis_of(text)
    if basis is None and speaker_type is SpeakerType.INTELLIGENCE:
        basis = "intelligence_report"
    return Frame(status, polarity, modality, speaker, speaker_type, basis, tuple(notes))
