"""Near-duplicate detection on generated news articles: speed, recall and precision.

Articles of about 600 words are written from a seeded generator: sentence templates
(determiners, prepositions, reporting verbs) filled from a vocabulary of a few
thousand words, drawn with Zipf-like frequencies and a topic each article belongs
to, so unrelated articles share common phrases ("of the", "the ministry said") as
real news does. Measures, with ``assay.ingest.near_duplicates``:

a. documents per second for signing (``signatures``) and for pairing
   (``find_similar`` with every document new) on 10,000 articles, one in ten of them
   a 15 % rewrite of the article before it;
b. recall and precision of near-duplicate pairs for rewrites with 5 %, 15 % and 30 %
   of word positions replaced by other vocabulary words (every other rewrite also
   inserts and deletes a few words), among 500 originals, their 500 rewrites and
   1,000 unrelated articles;
c. milliseconds per document for signing plus pairing at growing corpus sizes of
   the same mix.

Texts are generated in chunks and only signatures are kept, so 100,000 documents
fit in a few hundred MiB. Generation is not timed.

Usage: python bench/near_duplicates.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import assay
from assay.ingest.near_duplicates import THRESHOLD, find_similar, shingles, signatures

ARTICLE_WORDS = 600
TOPICS = 30
CHUNK = 2000


def _words(text: str) -> list[str]:
    return text.split()


FUNCTION = {
    "D": ["the"] * 12 + ["a"] * 4 + ["its", "their", "this", "his", "her", "another", "an"],
    "P": ["of"] * 6
    + ["in"] * 5
    + ["to"] * 3
    + ["on"] * 3
    + ["for"] * 3
    + ["with", "from", "by", "at", "after", "over", "against", "near", "during", "under"],
    "C": ["and"] * 4 + ["but", "while", "as", "because", "although", "after", "before"],
    "R": ["said", "said", "said", "told", "reported", "added", "confirmed", "denied", "claimed"],
    "X": ["has", "had", "will", "would", "could", "was", "were", "is", "may", "have"],
}

NEWS_NOUNS = _words(
    "government officials report ministry statement agreement talks delegation capital border "
    "port shipment cargo analysts sources week month spokesperson committee parliament budget "
    "trade exports imports sanctions meeting summit region security council embassy defence "
    "economy market energy oil prices harbour investigation documents satellite images experts "
    "interview press conference president minister election campaign voters party coalition "
    "opposition court judge ruling police suspects attack troops forces army navy missiles "
    "drones weapons ceasefire negotiations aid refugees camp hospital doctors patients health "
    "vaccine outbreak virus school teachers students university research study scientists "
    "climate emissions storm flood drought farmers crops harvest water power grid company "
    "shares investors bank inflation rates growth jobs workers union strike wages factory "
    "plant contract deal tariff supply chain shortage fuel gas pipeline reactor plan law bill "
    "vote reform tax spending debt deficit crisis protest rally demonstrators crowd city town "
    "village province state country nation people families children residents community "
    "leader chief director board members group network platform data system service network "
    "website account evidence witness victim family journalist newspaper broadcaster video "
    "footage photograph claim allegation denial warning threat risk damage cost loss result "
    "decision measure policy strategy operation mission visit trip flight airport station "
    "train bridge road highway vehicle car truck ship vessel tanker aircraft fleet base camp"
)
NEWS_VERBS = _words(
    "announced approved rejected launched signed agreed opposed warned urged called blamed "
    "accused arrested charged released detained killed injured attacked struck destroyed "
    "damaged seized captured delivered shipped sent received sold bought raised cut increased "
    "reduced cancelled delayed extended expanded closed opened suspended resumed banned "
    "allowed ordered demanded proposed promised pledged planned expected estimated revealed "
    "published disclosed investigated examined reviewed questioned criticised defended "
    "supported backed joined left met visited hosted discussed negotiated reached won lost"
)
NEWS_ADJECTIVES = _words(
    "new former senior local foreign national international military civilian economic "
    "political public private official independent regional federal western eastern northern "
    "southern major minor large small first last second third latest recent early late "
    "strong weak key main top high low rising falling growing serious critical urgent "
    "possible likely alleged unconfirmed anonymous secret open formal joint annual daily"
)

ONSETS = _words("b br c ch d dr f fr g gr h j k kl l m n p pr r s sh st t tr v w z")
VOWELS = _words("a e i o u ai ea io ou")
CODAS = ["", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x"]

TEMPLATES: tuple[tuple[str, ...], ...] = tuple(
    tuple(template.split())
    for template in (
        "D A N V D N P D N",
        "M R D N X V D A N P M",
        "D N P M X V D N P D A N",
        "D N P D N V D N C D N V P D N",
        "M V P D N P D A N P M R",
        "D A N P M X V D N",
        "P D N D N V D A N P D N P M",
        "D N R D N X V D N P D N C X V D A N",
        "M X V D N P D N P D N P D A N",
        "D N P D N V M P D N",
        "D A N R M V D N C D N X V",
        "P M D N V D N P D A N",
    )
)


def _pseudo_words(rng: random.Random, count: int, suffixes: Sequence[str]) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        stem = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
        )
        words.add(stem + rng.choice(suffixes))
    return sorted(words)


@dataclass(frozen=True)
class Vocabulary:
    """Word classes with cumulative weights for the general pool and for each topic."""

    words: dict[str, list[str]]
    general: dict[str, list[float]]
    topical: dict[str, list[list[float]]]

    @property
    def distinct(self) -> int:
        """How many distinct words the generator can write."""
        return len({word for words in self.words.values() for word in words})


def build_vocabulary(seed: int = 3) -> Vocabulary:
    """A few thousand words in classes N, V, A and M (names), and per-topic weights."""
    rng = random.Random(seed)
    words = {
        "N": NEWS_NOUNS + _pseudo_words(rng, 1500, ("", "", "ment", "tion", "ity", "er")),
        "V": NEWS_VERBS + _pseudo_words(rng, 400, ("ed", "ed", "s")),
        "A": NEWS_ADJECTIVES + _pseudo_words(rng, 400, ("al", "ive", "ic", "ous", "ian")),
        "M": [w.capitalize() for w in _pseudo_words(rng, 1200, ("", "", "ov", "son", "ia"))],
    }
    for name in ("N", "V", "A", "M"):
        words[name] = list(dict.fromkeys(words[name]))
    topic_share = {"N": 0.35, "V": 0.25, "A": 0.2, "M": 0.6}
    topic_size = {"N": 60, "V": 15, "A": 15, "M": 25}
    general: dict[str, list[float]] = {}
    topical: dict[str, list[list[float]]] = {}
    for name, pool in words.items():
        zipf = [1.0 / (rank + 3) for rank in range(len(pool))]
        total = sum(zipf)
        general[name] = list(itertools.accumulate(zipf))
        topical[name] = []
        for _ in range(TOPICS):
            chosen = rng.sample(range(len(pool)), topic_size[name])
            boost = topic_share[name] * total / (1 - topic_share[name]) / len(chosen)
            weights = list(zipf)
            for index in chosen:
                weights[index] += boost
            topical[name].append(list(itertools.accumulate(weights)))
    return Vocabulary(words, general, topical)


def article(vocabulary: Vocabulary, seed: int) -> str:
    """One article of about ``ARTICLE_WORDS`` words, the same for the same ``seed``."""
    rng = random.Random(seed)
    topic = rng.randrange(TOPICS)
    slots: list[str] = []
    sentence_ends: list[int] = []
    while len(slots) < ARTICLE_WORDS:
        slots.extend(rng.choice(TEMPLATES))
        sentence_ends.append(len(slots))
    counts = Counter(slots)
    drawn: dict[str, Iterator[str]] = {}
    for name, count in counts.items():
        if name in FUNCTION:
            drawn[name] = iter(rng.choices(FUNCTION[name], k=count))
        else:
            weights = vocabulary.topical[name][topic]
            drawn[name] = iter(rng.choices(vocabulary.words[name], cum_weights=weights, k=count))
    words = [next(drawn[name]) for name in slots]
    sentences = []
    start = 0
    for end in sentence_ends:
        sentence = words[start:end]
        sentences.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
        start = end
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def rewrite(vocabulary: Vocabulary, text: str, share: float, seed: int, *, shift: bool) -> str:
    """``text`` with ``share`` of its word positions replaced; ``shift`` also inserts/deletes."""
    rng = random.Random(seed)
    tokens = text.split()
    pool = [word for name in ("N", "V", "A") for word in vocabulary.words[name]]
    for position in rng.sample(range(len(tokens)), round(share * len(tokens))):
        old = tokens[position]
        new = rng.choice(pool)
        while new == old.rstrip("."):
            new = rng.choice(pool)
        tokens[position] = new + "." if old.endswith(".") else new
    if shift:
        moves = max(1, round(share * len(tokens) / 5))
        for _ in range(moves):
            del tokens[rng.randrange(len(tokens))]
        for _ in range(moves):
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(pool))
    return " ".join(tokens)


def scaling_corpus(vocabulary: Vocabulary, count: int, seed: int) -> Iterator[list[str]]:
    """``count`` articles in chunks; every tenth is a 15 % rewrite of the one before."""
    previous = ""
    for start in range(0, count, CHUNK):
        chunk = []
        for n in range(start, min(count, start + CHUNK)):
            if n % 10 == 9:
                text = rewrite(vocabulary, previous, 0.15, seed * 7 + n, shift=n % 20 == 19)
            else:
                text = article(vocabulary, seed * 1_000_003 + n)
            chunk.append(text)
            previous = text
        yield chunk


@dataclass(frozen=True)
class Timing:
    """Seconds spent signing and pairing one corpus, and the pairs found."""

    documents: int
    signing_s: float
    pairing_s: float
    pairs: int


def time_corpus(vocabulary: Vocabulary, count: int, seed: int = 5) -> Timing:
    """Sign ``count`` generated articles chunk by chunk, then pair them all as new."""
    signed: list[bytes] = []
    signing = 0.0
    for chunk in scaling_corpus(vocabulary, count, seed):
        started = time.perf_counter()
        signed.extend(signatures(chunk))
        signing += time.perf_counter() - started
    new = dict(enumerate(signed))
    started = time.perf_counter()
    pairs = find_similar({}, new)
    pairing = time.perf_counter() - started
    return Timing(count, signing, pairing, len(pairs))


@dataclass(frozen=True)
class Quality:
    """Pairs found among originals, rewrites and unrelated articles at one rewrite share."""

    share: float
    true_found: int
    found: int
    originals: int
    true_similarity: float
    false_max: float

    @property
    def recall(self) -> float:
        """True pairs found over all true pairs."""
        return self.true_found / self.originals

    @property
    def precision(self) -> float:
        """True pairs found over all pairs found."""
        return self.true_found / self.found if self.found else 1.0


def measure_quality(
    vocabulary: Vocabulary, share: float, originals: int = 500, unrelated: int = 1000
) -> Quality:
    """Find pairs among ``originals``, a rewrite of each, and ``unrelated`` articles."""
    base = [article(vocabulary, 10_000_000 + n) for n in range(originals)]
    copies = [
        rewrite(vocabulary, text, share, 20_000_000 + n, shift=n % 2 == 1)
        for n, text in enumerate(base)
    ]
    others = [article(vocabulary, 30_000_000 + n) for n in range(unrelated)]
    signed = signatures(base + copies + others)
    pairs = find_similar({}, dict(enumerate(signed)))
    true = [p for p in pairs if p.first < originals and p.second == p.first + originals]
    false = [p.similarity for p in pairs if p not in true]
    return Quality(
        share,
        len(true),
        len(pairs),
        originals,
        sum(p.similarity for p in true) / len(true) if true else 0.0,
        max(false, default=0.0),
    )


def unrelated_overlap(vocabulary: Vocabulary, count: int = 400) -> tuple[float, float, float]:
    """Exact bigram Jaccard of unrelated article pairs: mean, 99th percentile and maximum."""
    sets = [shingles(article(vocabulary, 40_000_000 + n)) for n in range(count)]
    values = sorted(len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2) if a | b)
    return (
        sum(values) / len(values),
        values[int(len(values) * 0.99)],
        values[-1],
    )


def main() -> int:
    """Print the speed, quality and scaling figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    vocabulary = build_vocabulary()
    print(
        f"assay {assay.__version__} near-duplicates (generated ~{ARTICLE_WORDS}-word articles, "
        f"{vocabulary.distinct:,} distinct words, {TOPICS} topics, threshold {THRESHOLD:g})"
    )
    mean, p99, top = unrelated_overlap(vocabulary)
    print(
        f"unrelated articles, exact bigram Jaccard: mean {mean:.3f}, "
        f"99th percentile {p99:.3f}, max {top:.3f}",
        flush=True,
    )

    timings: dict[int, Timing] = {10_000: time_corpus(vocabulary, 10_000)}
    speed = timings[10_000]
    print("a. speed on 10,000 articles (one in ten a 15 % rewrite)")
    print(
        f"   signing {speed.documents / speed.signing_s:8,.0f} docs/s ({speed.signing_s:.2f} s), "
        f"pairing {speed.documents / speed.pairing_s:8,.0f} docs/s ({speed.pairing_s:.2f} s), "
        f"{speed.pairs:,} pairs found",
        flush=True,
    )

    print("b. quality: 500 originals + 500 rewrites + 1,000 unrelated articles")
    for share in (0.05, 0.15, 0.30):
        quality = measure_quality(vocabulary, share)
        print(
            f"   {share:4.0%} of words changed: recall {quality.recall:.3f} "
            f"({quality.true_found}/{quality.originals}), precision {quality.precision:.3f} "
            f"({quality.true_found}/{quality.found}), mean estimated similarity of true pairs "
            f"{quality.true_similarity:.3f}, highest false pair {quality.false_max:.3f}",
            flush=True,
        )

    print("c. signing + pairing time per document (one article in ten a 15 % rewrite)")
    for size in sorted(set(args.sizes)):
        timing = timings.get(size) or time_corpus(vocabulary, size)
        total = timing.signing_s + timing.pairing_s
        print(
            f"   {size:>9,} docs: {1000 * total / size:6.3f} ms/doc "
            f"(signing {1000 * timing.signing_s / size:.3f}, "
            f"pairing {1000 * timing.pairing_s / size:.3f}), "
            f"{total:7.1f} s, {timing.pairs:,} pairs",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
