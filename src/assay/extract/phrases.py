"""Many phrases found at once in a text, at word boundaries, through one Aho-Corasick pass.

The gazetteer holds thousands of surface forms (every actor's names, every system's
designations, every category phrase); matching them one regular expression at a time
would cost a pass each. An automaton finds all of them in one pass over the text.
Matching is case-blind except for acronyms, which must match exactly ("US", never "us").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import ahocorasick

from assay.packs.model import is_acronym


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One phrase found in a text: where, which form, and the keys it stands for."""

    start: int
    end: int
    form: str
    keys: tuple[str, ...]
    plural: bool = False


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_"


def _variant_end(text: str, end: int) -> int | None:
    """Where a designation's variant letters end: "K-9" + "A1", "XJ-20" + "SM2", or None.

    Makers mark variants by capitals, and sometimes a digit, run straight onto the
    designation; a system is still itself in any variant ("T-72B1" is a T-72).
    """
    stop = end
    while stop < len(text) and stop - end < 4 and text[stop].isupper() and text[stop].isalpha():
        stop += 1
    if stop == end:
        return None
    while stop < len(text) and stop - end < 6 and text[stop].isdigit():
        stop += 1
    if stop < len(text) and _is_word_char(text[stop]) and not _plural_ending(text, stop):
        return None
    return stop + 1 if stop < len(text) and text[stop] == "s" else stop


def _plural_ending(text: str, end: int) -> bool:
    """True for a bare plural "s" after a form ("Su-35s", "Javelins")."""
    return text[end] == "s" and (end + 1 == len(text) or not _is_word_char(text[end + 1]))


def _by_variant(hit: PhraseHit) -> bool:
    """True for a hit longer than its form by more than a plural "s": variant letters."""
    return hit.end - hit.start > len(hit.form) + 1


class PhraseIndex:
    """An automaton over ``(form, key)`` pairs, answering the hits in a text.

    A form may stand for several keys (an ambiguous name); a key may have many forms.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]], *, variants: bool = False) -> None:
        """Build the automaton; forms are stored lower-cased.

        With ``variants``, a form ending in a digit also matches with variant letters
        run onto it ("T-72B1" for "T-72"), as weapon designations are written, and each hit
        :meth:`find` answers says whether it is plural.
        """
        self._variants = variants
        keys: dict[str, dict[str, list[str]]] = {}
        for raw_form, key in pairs:
            form = raw_form.strip()
            if form:
                by_form = keys.setdefault(_lower(form), {})
                by_form.setdefault(form, [])
                if key not in by_form[form]:
                    by_form[form].append(key)
        self._automaton = ahocorasick.Automaton()
        for lowered, spellings in keys.items():
            payload = tuple((form, tuple(found)) for form, found in spellings.items())
            self._automaton.add_word(lowered, (len(lowered), payload))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()

    def find_all(self, text: str) -> list[PhraseHit]:
        """Every hit at word boundaries, overlapping ones included, in text order."""
        if self._empty:
            return []
        lowered = _lower(text)
        hits = []
        for last, (length, payload) in self._automaton.iter(lowered):
            start, end = last - length + 1, last + 1
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            if end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
                variant = (
                    _variant_end(text, end) if self._variants and text[end - 1].isdigit() else None
                )
                if variant is not None:
                    end = variant
                elif not _plural_ending(text, end):
                    continue
                else:
                    end += 1
            surface = text[start : last + 1]
            keys: list[str] = []
            form_used = ""
            for form, form_keys in payload:
                if is_acronym(form) and surface != form:
                    continue
                form_used = form_used or form
                keys.extend(k for k in form_keys if k not in keys)
            if keys:
                hits.append(PhraseHit(start, end, form_used, tuple(keys)))
        hits.sort(key=lambda hit: (hit.start, -hit.end))
        return hits

    def _is_plural(self, lowered: str, start: int, end: int, form: str) -> bool:
        """True for a hit that names more than one: "X-1s", "Velas", "X-2 jets".

        A form the pack lists may itself be plural ("Stingers", "X-1 jets"): it is when the
        form without its "s" is listed too, or when it ends in a plural common noun. Names
        that end in "s" ("Taurus", "Abrams") are neither.
        """
        surface = lowered[start:end]
        if not surface.endswith("s") or surface.endswith(("ss", "us", "is")):
            return False
        if end - start > len(form) or self._automaton.exists(surface[:-1]):
            return True
        last_word = form.rsplit(" ", 1)[-1]
        return " " in form and last_word.islower() and last_word.isalpha()

    def find(self, text: str) -> list[PhraseHit]:
        """The longest hits, leftmost first, none overlapping another.

        Of two hits over the same span, one spelled out in full wins over one reached by
        variant letters: "X-30VM" is its own entry, not "X-30" with "VM" run on.
        """
        chosen: list[PhraseHit] = []
        ranked = sorted(
            self.find_all(text), key=lambda h: (-(h.end - h.start), _by_variant(h), h.start)
        )
        for hit in ranked:
            if all(hit.end <= other.start or hit.start >= other.end for other in chosen):
                chosen.append(hit)
        if self._variants:
            lowered = _lower(text)
            chosen = [
                replace(hit, plural=self._is_plural(lowered, hit.start, hit.end, hit.form))
                for hit in chosen
            ]
        return sorted(chosen, key=lambda hit: hit.start)

    def contains(self, text: str) -> bool:
        """True if any phrase occurs in ``text`` at word boundaries (the pre-filter's test)."""
        return bool(self.find_all(text))
