"""What a Ukrainian or Russian sentence says besides its trigger: sides, claims, targets,
hedges and the death toll. Every pattern comes from the language's :class:`Lexicon`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tracker.extract.actors import Claim, SideMention
from tracker.extract.cyrillic.lexicon import Lexicon
from tracker.extract.fatalities import Fatalities
from tracker.extract.rule import Trigger
from tracker.extract.suffixes import SuffixMatcher
from tracker.extract.targets import Target

_WINDOW = 60  # characters before a trigger searched for a negation or an intention


# A side named by its weapon ("ворожий дрон", "російські ракети") is the one that attacked.
_WEAPON = re.compile(
    r"дрон|безпілотник|беспилотник|БпЛА|ракет|КАБ|авіабомб|авиабомб|снаряд|шахед|артилері", re.I
)
# "подразделения группировки войск «Запад»": a grouping of forces the MoD names
_GROUPING = re.compile(r"группировк|угрупован", re.I)


# "the enemy" in either language: the side is read from where it struck (see parties.py)
_ENEMY = re.compile(r"(?:враг|противник|ворог|супротивник)", re.I)


@dataclass(frozen=True)
class SentenceFacts:
    """The compiled patterns of one language, applied to sentences."""

    lexicon: Lexicon
    _side_cache: dict[tuple[int, int, int], tuple[str, list[Any]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def _sides(self) -> list[tuple[object, re.Pattern[str]]]:
        return [(side, re.compile(rf"(?<![\w-])(?:{p})", re.I)) for side, p in self.lexicon.sides]

    @cached_property
    def _compiled(self) -> dict[str, re.Pattern[str]]:
        lx = self.lexicon
        return {
            "negation": re.compile(rf"(?<![\w-]){lx.negation}", re.I),
            "intention": re.compile(rf"(?<![\w-]){lx.intention}", re.I),
            "attempt": re.compile(rf"(?<![\w-]){lx.attempt}", re.I),
            "harm": re.compile(lx.harm, re.I),
            "alleged": re.compile(lx.alleged, re.I),
            "skip": re.compile(lx.skip_sentence, re.I),
            "recap": re.compile(lx.recap, re.I),
            "attack": re.compile(lx.attack_verbs, re.I),
            "ground": re.compile(lx.ground, re.I),
            "claim": re.compile(rf"(?<![\w-])(?:{lx.claim_verbs})(?![\w-])", re.I),
            "target_before": re.compile(lx.target_before, re.I),
            "attacker_after": re.compile(lx.attacker_after, re.I),
            "fatal": re.compile(rf"(?<![\w-])(?:{lx.fatal})", re.I),
            "targets": re.compile(
                rf"(?<![\w-])(?:(?P<military>{lx.military})|(?P<civilian>{lx.civilian})"
                rf"|(?P<infrastructure>{lx.infrastructure}))",
                re.I,
            ),
            "clause": re.compile(lx.clause_cut, re.I),
            "month": re.compile(rf"(?:{'|'.join(lx.months)})", re.I),
            # the words right before a place that give its role (each pattern ends with $)
            "office": re.compile(lx.office, re.I),
            "reference": re.compile(lx.reference, re.I),
            "near": re.compile(lx.near, re.I),
            "origin": re.compile(lx.origin, re.I),
            "settlement": re.compile(rf"(?:{lx.settlement_word})\S+\s+$|[А-ЯІЇЄҐЁ]\S+\s+$"),
        }

    @cached_property
    def _ends(self) -> dict[str, SuffixMatcher]:
        """The patterns read on the window before a word, each read backwards from its end
        (the same answers as a search, see tracker/extract/suffixes.py)."""
        kinds = ("negation", "intention", "attempt", "target_before", "attacker_after")
        kinds += ("office", "reference", "near", "origin", "settlement")
        return {kind: SuffixMatcher(self._compiled[kind]) for kind in kinds}

    def ends_with(self, kind: str, before: str) -> bool:
        """The words before a place end as ``kind`` says ("near": "під", "біля" ...)."""
        return self._ends[kind].ends(before)

    def skipped(self, sentence: str) -> bool:
        """Sanctions, anniversaries, drills, forecasts: nothing happened here."""
        return self._compiled["skip"].search(sentence) is not None

    def recap(self, sentence: str) -> bool:
        """The sentence recalls an earlier report ("Нагадаємо, ...", "Ранее сообщалось")."""
        return self._compiled["recap"].search(sentence) is not None

    def hedged(self, text: str, start: int, trigger: Trigger) -> str | None:
        """Why the trigger reports no event ("не обстрілювали", "планують обстріляти"), or None."""
        before = text[max(start, trigger.start - _WINDOW) : trigger.start]
        if self._ends["negation"].ends(before):
            return "negation"
        if self._ends["intention"].ends(before):
            return "intention"  # "загроза спроби захопити Київ", "планують наступ"
        if (
            self._ends["attempt"].ends(before)
            and trigger.sub_event_type.event_type.value != "Battles"
        ):
            return "intention"  # the General Staff's "намагався вклинитися" is a battle
        return None

    def harmed(self, text: str, start: int, end: int) -> bool:
        """Something burned, was damaged, or someone was killed or wounded in the sentence."""
        return self._compiled["harm"].search(text, start, end) is not None

    def attack_verb(self, sentence: str) -> bool:
        """A verb of attack or harm: weapons named beside it were used."""
        return self._compiled["attack"].search(sentence) is not None

    def ground_combat(self, sentence: str) -> bool:
        """Troops, positions or assaults: "атака" here is fighting on the ground."""
        return self._compiled["ground"].search(sentence) is not None

    def alleged(self, sentence: str) -> bool:
        """The sentence hedges the report ("нібито", "предположительно")."""
        return self._compiled["alleged"].search(sentence) is not None

    def clause_cuts(self, text: str, start: int, end: int) -> list[int]:
        """Where the sentence's clauses end."""
        return [m.start() for m in self._compiled["clause"].finditer(text, start, end)]

    def sides(self, text: str, start: int, end: int, *, trigger_start: int) -> list[SideMention]:
        """Parties in the sentence; one named before the trigger (not after "по") attacked."""
        return [
            SideMention(
                side,
                s,
                e,
                attacker if attacker is not None else s < trigger_start,
                enemy=_ENEMY.match(text, s) is not None,
            )
            for side, s, e, attacker in self._named_sides(text, start, end)
        ]

    def _named_sides(
        self, text: str, start: int, end: int
    ) -> list[tuple[Any, int, int, bool | None]]:
        """(side, start, end, attacker by the words before it or None), once per sentence."""
        key = (id(text), start, end)
        cached = self._side_cache.get(key)
        if cached is not None and cached[0] is text:
            return cached[1]
        found: list[tuple[Any, int, int, bool | None]] = []
        for side, pattern in self._sides:
            for m in pattern.finditer(text, start, end):
                if any(f[1] <= m.start() < f[2] for f in found):
                    continue
                before = text[max(start, m.start() - 40) : m.start()]
                attacker: bool | None = None
                if _WEAPON.search(m.group()):
                    attacker = True  # "ворожий дрон": a weapon's owner is the attacker
                elif self._ends["attacker_after"].ends(before):
                    attacker = True
                elif self._ends["target_before"].ends(before):
                    attacker = False
                elif _GROUPING.search(m.group()):
                    attacker = True  # the Defence Ministry reports its own groupings' actions
                found.append((side, m.start(), m.end(), attacker))
        found.sort(key=lambda f: f[1])
        if len(self._side_cache) > 256:
            self._side_cache.clear()
        self._side_cache[key] = (text, found)
        return found

    def claims(self, text: str, start: int, end: int) -> list[Claim]:
        """Who reports it: the claimant named within a few words of a reporting verb."""
        out = []
        for m in self._compiled["claim"].finditer(text, start, end):
            around = text[max(start, m.start() - 80) : min(end, m.end() + 80)]
            for pattern, name in self.lexicon.claimants:
                if re.search(pattern, around, re.I):
                    out.append(Claim(name, m.start(), m.end()))
                    break
        return out

    def targets(self, text: str, start: int, end: int) -> list[Target]:
        """Target phrases and their kind (military, civilian, infrastructure)."""
        return [
            Target(" ".join(m.group().split()), m.lastgroup or "", m.start(), m.end())
            for m in self._compiled["targets"].finditer(text, start, end)
        ]

    def fatalities(self, sentence: str) -> Fatalities | None:
        """The death toll, read conservatively: a number or number word beside a word of death.

        "Кілька"/"несколько" count 3, "десятки" 12; the wounded count nothing.
        """
        best: Fatalities | None = None
        for m in self._compiled["fatal"].finditer(sentence):
            count, phrase = self._count_near(sentence, m.start(), m.end())
            if count and (best is None or count > best.count):
                best = Fatalities(count, phrase)
        return best

    def _count_near(self, sentence: str, start: int, end: int) -> tuple[int, str]:
        """The number right before or after the word of death (within three words)."""
        before = sentence[max(0, start - 40) : start].split()[-3:]
        after = sentence[end : end + 40].split()[:4]
        # each word with the one after it: "за 21 квітня" is a day, not 21 dead
        for words in (list(reversed(_with_next(before))), _with_next(after)[:3]):
            for word, following in words:
                token = word.strip(',.:;()«»"“”').lower()
                if token.isdigit() and self._compiled["month"].match(following):
                    continue
                if token.isdigit() and int(token) < 10_000:
                    return int(token), " ".join(sentence[start:end].split()) + f" ({token})"
                if token in self.lexicon.numbers:
                    return self.lexicon.numbers[token], " ".join(
                        sentence[start:end].split()
                    ) + f" ({token})"
        word = sentence[start:end].lower()
        if word.endswith(("загинув", "загинула", "погиб", "погибла", "помер", "умер", "умерла")):
            return 1, sentence[start:end]  # a singular verb: one person
        return 0, ""


def _with_next(words: list[str]) -> list[tuple[str, str]]:
    """Each word with the word after it ("" for the last)."""
    return [(w, words[i + 1] if i + 1 < len(words) else "") for i, w in enumerate(words)]
