"""Article text as the extractor sees it: checked, de-marked-up, split into sentences.

Markup is blanked out rather than removed so that every character offset the
extractor reports (``trigger_span``, ``place_span``) still points into the
article text exactly as it was given.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.errors import ExtractionError

# Number words as news writes small counts ("two drones", "three days ago").
CARDINALS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{
        w: i
        for i, w in enumerate(
            [
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ],
            start=1,
        )
    },
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}

MAX_CHARS = 2_000_000  # ~400 pages; longer "articles" are dumps, not news
MAX_SENTENCE = 2_000  # longer runs without a full stop are cut at a space

_TAG = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][^<>]{0,2000}>",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "brig",
        "cmdr",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "mt",
        "no",
        "nos",
        "vs",
        "jr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "dept",
        "govt",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
BOUNDARY_PLAIN = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*[-*•])")
# The same matches (tests/extract/test_token_starts.py): every boundary opens with one of
# ".!?…" or a newline, and with that class first the engine skips to the next such
# character in C instead of trying three alternatives at each one (66 -> 19 us a 3 KB article).
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s)|(?<=\n)[ \t]*\n|(?<=\n)(?=[ \t]*[-*•]))"
)
# "... the ministry said in a statement.Ukrainian troops lost ...": a sentence a scraper
# glued to the next, the space after its full stop lost
_GLUED = re.compile(r"[.!?][\"”»]?(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{2})")
_LOWER_PAIR = re.compile(r"[a-zа-яёіїєґ]{2}")


def _glued(text: str) -> list[int]:
    """Where a full stop runs into the next sentence's first word (no space between),
    after a word of at least two lower-case letters; an abbreviation ("Gen.Ivanov") is
    no end."""
    return [
        m.end()
        for m in _GLUED.finditer(text)
        if _LOWER_PAIR.fullmatch(text, max(0, m.start() - 2), m.start()) and _is_boundary(text, m)
    ]


_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD_RUN = re.compile(r"[\w.]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the article text."""

    start: int
    end: int


def sentence_after(sentences: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    """The sentence right after ``sentence`` in ``sentences`` (in text order), or None."""
    i = bisect.bisect_right([s.start for s in sentences], sentence.start)
    return sentences[i] if i < len(sentences) else None


def sentence_before(sentences: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    """The sentence right before ``sentence`` in ``sentences`` (in text order), or None."""
    i = bisect.bisect_left([s.start for s in sentences], sentence.start)
    return sentences[i - 1] if i > 0 else None


def check_text(text: str, *, max_chars: int = MAX_CHARS) -> None:
    """Raise :class:`ExtractionError` for text no extractor should read.

    Empty text, text larger than ``max_chars`` and binary data (NUL bytes,
    control characters, decoding debris) are refused with a message that says
    what to do instead.
    """
    if not text.strip():
        raise ExtractionError("the article text is empty; give the article body, not a blank file")
    if len(text) > max_chars:
        raise ExtractionError(
            f"the article text has {len(text):,} characters, more than the limit of "
            f"{max_chars:,}; split the file into articles (e.g. one per line with --batch)"
        )
    sample = text[:20_000]
    bad = len(_CONTROL.findall(sample))
    if bad > max(3, len(sample) // 100):
        raise ExtractionError(
            f"the article looks like binary data ({bad} control or undecodable characters "
            f"in the first {len(sample):,}); give UTF-8 text"
        )


def clean_text(text: str) -> str:
    """Blank out markup and decode entities, keeping every offset where it was.

    >>> clean_text("<p>Shelling &amp; fire</p>")
    '   Shelling &     fire    '
    """
    if "<" in text:
        text = _TAG.sub(lambda m: " " * len(m.group()), text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    if "\x00" in text:
        text = text.replace("\x00", " ")
    return _without_related_links(text)


# A page's block of links to other stories, under a header line of its own: "ЩЕ ЗА ТЕМОЮ",
# "Related", "Читайте также". Its headlines and time stamps are other stories' events.
_RELATED_HEADER = re.compile(
    r"^[ \t]*(?:щ[еє]\s+за\s+темою|ещ[её]\s+по\s+теме|читайте\s+(?:також|также|ще|еще)"
    r"|новини\s+за\s+темою|новости\s+по\s+теме|схожі\s+новини|похожие\s+новости"
    r"|останні\s+новини|последние\s+новости|related(?:\s+(?:news|stories|articles))?"
    r"|more\s+(?:news|stories)|read\s+(?:also|more)|see\s+also|latest\s+news)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_LINK_LINE = 200  # a line this short under such a header is one more link, not the story
_LINKS = 12  # the most lines such a block is taken to run


def _without_related_links(text: str) -> str:
    """Blank the lines under a related-links header (offsets kept): headlines and their
    time stamps, up to the first line that reads as the story's prose again (a long one,
    or one that ends a sentence)."""
    if "\n" not in text:
        return text
    found = _RELATED_HEADER.search(text)
    if found is None:
        return text
    end = found.start()
    for n, line in enumerate(re.finditer(r"[^\n]*\n?", text[found.start() :])):
        words = line.group().strip()
        if not line.group() or n > _LINKS or len(words) > _LINK_LINE:
            break
        if n and len(words) >= 60 and words[-1:] in '.!?»"”':
            break  # prose: the story goes on
        end = found.start() + line.end()
    return text[: found.start()] + re.sub(r"[^\n]", " ", text[found.start() : end]) + text[end:]


def _entity(m: re.Match[str]) -> str:
    raw = m.group()
    char = html.unescape(raw)
    if char == raw or len(char) > len(raw):
        return raw
    return char + " " * (len(raw) - len(char))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offset pairs, whitespace trimmed.

    A full stop after a known abbreviation ("Maj.", "Gen.") or an initial does
    not end a sentence; a blank line always does, and so does a short line
    without final punctuation (a headline).

    >>> [text[s.start:s.end] for text in ["Shots. Gen. Ivanov left. Quiet"]
    ...  for s in split_sentences(text)]
    ['Shots.', 'Gen. Ivanov left.', 'Quiet']
    """
    cuts = [m.end() for m in _BOUNDARY.finditer(text) if _is_boundary(text, m)]
    cuts.extend(_headline_breaks(text))
    cuts.extend(_glued(text))
    cuts.sort()
    sentences = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut - start <= MAX_SENTENCE:  # the usual case: one piece, no list to build
            sentence = _trimmed(text, start, cut)
            if sentence is not None:
                sentences.append(sentence)
        else:
            for piece_start, piece_end in _pieces(text, start, cut):
                sentence = _trimmed(text, piece_start, piece_end)
                if sentence is not None:
                    sentences.append(sentence)
        start = max(start, cut)
    return sentences


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut run-on text (no punctuation for pages) at spaces, so work per sentence stays bounded."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m.group()[0] != ".":
        return True
    token = _word_before(text, max(0, m.start() - 20), m.start())
    if token is None:
        return True
    if token in _ABBREVIATIONS:
        return False
    return not (len(token) == 1 and token.isalpha())  # an initial: "Igor V. Ivanov"


def _word_before(text: str, start: int, end: int) -> str | None:
    """The lowercased run of word characters and dots ending at ``end`` (not before ``start``).

    Matching the reversed window from its first character finds the same run
    as ``_WORD_BEFORE.search`` without trying every start position in turn.
    """
    if text[end - 1 : end] == "\n":  # ``$`` also matches before a final newline
        word = _WORD_BEFORE.search(text, start, end)
        return word.group(1).lower() if word else None
    run = _WORD_RUN.match(text[start:end][::-1])
    return run.group()[::-1].lower() if run else None


_HEADLINE_CHARS = 160  # a line this short with no final punctuation is a title or a byline
_HEAD_ZONE = 600  # headlines, decks and captions sit at the top of a page
_FINAL = frozenset(".!?…\"”»)'’:")


def _normal(s: str) -> str:
    return " ".join(s.casefold().split()).rstrip(".!?…")


def headline_sentences(text: str, sentences: list[Sentence], *, title: str | None) -> set[int]:
    r"""Starts of the sentences that are headlines: the title, or a short unpunctuated top line.

    A headline restates the story in fewer words (and often vaguer places); its
    events are counted only when the body does not report the same kind of event.

    >>> t = "Strike hits depot\nMissiles hit a depot in Lviv on Monday."
    >>> sorted(headline_sentences(t, split_sentences(t), title=None))
    [0]
    """
    heads = set()
    wanted = _normal(title) if title else None
    for s in sentences:
        piece = text[s.start : s.end]
        if (wanted and _normal(piece) == wanted) or (
            s.start < _HEAD_ZONE
            and len(piece) < _HEADLINE_CHARS
            and piece.rstrip()[-1:] not in _FINAL
            and text[s.end : s.end + 1] in ("\n", "")
        ):
            heads.add(s.start)
    return heads


def _headline_breaks(text: str) -> list[int]:
    """Line ends after a short line with no final punctuation (titles, bylines)."""
    breaks = []
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            return breaks
        line = text[start:end].strip()
        following = text[end + 1 : end + 3].lstrip()
        if line and len(line) < _HEADLINE_CHARS and line[-1].isalnum() and following[:1].isupper():
            breaks.append(end)
        start = end + 1


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    piece = text[start:end]
    kept = piece.lstrip()  # str.strip drops exactly the characters isspace() accepts
    if not kept:
        return None
    start += len(piece) - len(kept)
    end -= len(kept) - len(kept.rstrip())
    return Sentence(start, end)
