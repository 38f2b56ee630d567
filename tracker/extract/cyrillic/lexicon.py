"""The shape of one Cyrillic language's word tables; the tables themselves are data in ``lexicon``.

Ukrainian and Russian share every step of reading (:mod:`tracker.extract.cyrillic`);
what differs is words: the trigger rules, month names in the genitive, the
words for "yesterday" and "last night", who the sides are called, how a claim
is introduced, which prepositions put an event *near* a place. Each language
brings one :class:`Lexicon`; :func:`lexicon_for` finds it by language code.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from tracker.errors import ConfigError
from tracker.extract.actors import Side
from tracker.extract.rule import Rule

LANGUAGES = ("uk", "ru")


@dataclass(frozen=True)
class Lexicon:
    """Every word list the Cyrillic reader needs for one language (regex fragments, lower case)."""

    language: str
    rules: tuple[Rule, ...]
    weapon_nouns: frozenset[str]  # rule names that stand only beside a verb of attack
    months: dict[str, int]  # genitive/locative month stems → month ("квітн" → 4)
    month_in: str  # "in <month>": the month's locative or "у <month>"
    relative: tuple[tuple[str, int], ...]  # (phrase, days before the reference day)
    night_of: str  # "у ніч на" / "в ночь на": the date that follows is the event's
    weekdays: tuple[str, ...]  # accusative stems, Monday first ("понеділ", "вівтор" ...)
    sides: tuple[tuple[Side, str], ...]
    target_before: str  # words before a side that make it the one hit ("по", "проти")
    attacker_after: str  # words before a side that make it the attacker ("з боку")
    claim_verbs: str
    claimants: tuple[tuple[str, str], ...]  # pattern → claimant name as stored
    negation: str
    intention: str  # a plan, threat or warning before the trigger: nothing happened yet
    attempt: str  # "намагався", "попытки": no event, except a battle the General Staff counts
    alleged: str
    skip_sentence: str  # sanctions, anniversaries, drills, forecasts
    recap: str  # "Нагадаємо, ...", "Ранее ...": an earlier report, unless dated anew
    attack_verbs: str
    harm: str  # burned, damaged, killed, wounded: an attack that did this hit a place
    ground: str  # fighting on the ground: troops, positions, assaults ("піхота", "штурм")
    fatal: str  # "загинули", "погибли": the words that make a number a death toll
    numbers: dict[str, int]
    near: str  # ends right before the place: "під", "біля", "в районі"
    reference: str  # "за 10 км від": the place is a reference point
    origin: str  # "з території", "із": where a weapon came from, not where it hit
    office: str  # "голова", "мер", "губернатор": an office, not the event place
    community: str  # "громада", "община", "район": a unit named by an adjective
    region_word: str  # "област", "обл."
    settlement_word: str  # "село", "с.", "смт", "місто"
    clause_cut: str
    abbreviations: tuple[str, ...]  # a full stop after these does not end a sentence
    military: str
    civilian: str
    infrastructure: str
    # a sentence that only says where the event just reported happened ("Подія сталася ...")
    elaboration: str = r"(?!)"


def lexicon_for(language: str) -> Lexicon:
    """The word tables for ``language`` ("uk" or "ru").

    >>> lexicon_for("uk").months["квітн"]
    4
    """
    if language not in LANGUAGES:
        raise ConfigError(
            f"no Cyrillic word tables for language {language!r}; choose among {list(LANGUAGES)!r}"
        )
    module = import_module(f"tracker.extract.lexicon.words_{language}")
    lexicon: Lexicon = module.WORDS
    return lexicon
