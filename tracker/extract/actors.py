"""Who did it, to whom, and who says so: actors in ACLED's names, claims, allegations.

Sides are found from phrases like "Russian forces", "the Ukrainian Air Force",
"occupiers", "police". Which side attacked and which was hit is read from the
sentence's shape: a side named before the trigger (or after "by") attacked, a
side named after it, or before a passive verb ("were targeted"), was hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from tracker.extract.prefixes import AlternativesScanner
from tracker.extract.suffixes import SuffixMatcher


class Side(Enum):
    """The parties the extractor can name, with their ACLED actor names."""

    RUSSIA = "Military Forces of Russia (2000-)"
    UKRAINE = "Military Forces of Ukraine (2019-)"
    WAGNER = "Wagner Group"
    DNR = "DNR: Donetsk People's Republic"
    LNR = "LNR: Luhansk People's Republic"
    POLICE_UA = "Police Forces of Ukraine (2019-)"
    POLICE_RU = "Police Forces of Russia (2000-)"
    CIVILIANS = "Civilians"
    PROTESTERS = "Protesters"
    RIOTERS = "Rioters"

    @property
    def armed(self) -> bool:
        """True for the fighting parties (not civilians, protesters or rioters)."""
        return self not in (Side.CIVILIANS, Side.PROTESTERS, Side.RIOTERS)


OPPONENT = {
    Side.RUSSIA: Side.UKRAINE,
    Side.UKRAINE: Side.RUSSIA,
    Side.WAGNER: Side.UKRAINE,
    Side.DNR: Side.UKRAINE,
    Side.LNR: Side.UKRAINE,
}

_FORCES = (
    r"(?:forces|troops|army|military|soldiers|servicemen|units?|artillery|aircraft|jets?|"
    r"warplanes?|helicopters?|drones?|missiles?|navy|fleet|paratroopers|marines|tanks?|planes?|"
    r"strikes?|shelling|bombardment|attacks?|chemical|air\s+force|air\s+defen[cs]es?|positions|defenders|counteroffensive|"
    r"national\s+guard|border\s+guards?|special\s+forces|armed\s+forces|commanders?|fighters|"
    r"occupation\s+forces|rockets?|shells)"
)
_SIDES = (
    (Side.WAGNER, r"Wagner(?:\s+Group)?(?:\s+mercenaries|\s+fighters)?"),
    (Side.DNR, r"(?:DPR|DNR|Donetsk\s+People's\s+Republic)(?:\s+" + _FORCES + ")?"),
    (Side.LNR, r"(?:LPR|LNR|Luhansk\s+People's\s+Republic)(?:\s+" + _FORCES + ")?"),
    (Side.POLICE_RU, r"(?:FSB|Russian\s+police|Rosgvardia)"),
    (
        Side.RUSSIA,
        r"(?:pro-)?Russian(?:-backed)?\s+(?:\w+\s+)?"
        + _FORCES
        # the Defence Ministry's groupings: "the Southern battlegroup", "Battlegroup Center"
        + r"|(?:Southern|Northern|Eastern|Western|Central|Center|Centre|Vostok|Zapad|Sever|Yug"
        r"|Tsentr|Dnepr)\s+(?:battle\s*group|group\s+of\s+forces|grouping)"
        r"|(?:battle\s*group|group\s+of\s+forces|grouping)\s+(?:of\s+forces\s+)?[\"“]?"
        r"(?:Center|Centre|South|North|East|West|Vostok|Zapad|Sever|Yug|Tsentr|Dnepr)\b"
        r"|Russia(?=\s+(?:has\s+|"
        r"had\s+)?(?:launched|struck|fired|shelled|attacked|bombed|hit|targeted))|occupiers|invaders|"
        r"occupation\s+forces|Russians\b|Russia['’]s\s+(?:\w+\s+)?" + _FORCES,
    ),
    (
        Side.UKRAINE,
        r"Ukrainian\s+(?:\w+\s+)?" + _FORCES + r"|(?:Armed\s+Forces|Air\s+Force|Navy|"
        r"General\s+Staff)\s+of\s+Ukraine|Ukraine['’]s\s+(?:\w+\s+)?"
        + _FORCES
        + r"|Kyiv['’]s\s+forces|"
        r"Ukraine(?=\s+(?:has\s+|had\s+)?(?:launched|struck|fired|shelled|attacked|hit|targeted))|"
        r"\bair\s+defen[cs]es?\b",
    ),
    (Side.POLICE_UA, r"(?:National\s+)?[Pp]olice|SBU|Security\s+Service\s+of\s+Ukraine"),
    (Side.PROTESTERS, r"protesters|demonstrators|activists"),
    (Side.RIOTERS, r"rioters"),
    (
        Side.CIVILIANS,
        r"civilians?|residents?|villagers|(?<!\w\s)people\b|children|families|"
        r"pensioners|journalists?|medics|volunteers|residential\s+\w+|homes|houses|hospitals?|"
        r"schools?|kindergartens?|apartment\s+(?:blocks?|buildings?)",
    ),
)
_SIDE_SCANNER = AlternativesScanner(
    [f"(?P<s{i}>\\b(?:{pattern}))" for i, (_, pattern) in enumerate(_SIDES)],
    flags=re.IGNORECASE,
)
_SIDE_BY_GROUP = {f"s{i}": side for i, (side, _) in enumerate(_SIDES)}
_PASSIVE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:were|was|had\s+been|have\s+been|has\s+been|being|came\s+under|"
    r"come\s+under)\b",
    re.I,
)
_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?$", re.I)
_BY_BEFORE_END = SuffixMatcher(_BY_BEFORE)  # read backwards: tracker/extract/suffixes.py
_TARGET_BEFORE = re.compile(
    r"\b(?:on|at|against|targeting|targeted|hit|struck|shelled|attacked|killed|killing|"
    r"down|downed|intercepted)\s+(?:the\s+|a\s+|an\s+)?"
    # "On Friday Russian forces ...": a day or a month is no target of the side after it
    r"(?:(?!(?:as|and|when|while|after|before|because|but|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|morning|evening|night|afternoon)\b)[\w-]+\s+){0,2}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SideMention:
    """A party named in a sentence."""

    side: Side
    start: int
    end: int
    attacker: bool
    enemy: bool = False  # named only as "the enemy": whose enemy depends on where it struck


def find_sides(text: str, start: int, end: int, *, trigger_start: int) -> list[SideMention]:
    """Parties named in ``text[start:end]`` with whether each reads as the attacker."""
    mentions = []
    reporters = []
    for m in _SIDE_SCANNER.finditer(text, start, end):
        side = _SIDE_BY_GROUP[m.lastgroup]  # type: ignore[index]
        if _republic_as_place(text, m, start):
            continue  # "shelled Horlivka in the DPR": a territory, neither attacker nor target
        found = SideMention(
            side, m.start(), m.end(), _reads_as_attacker(text, m, start, trigger_start)
        )
        if side not in (Side.POLICE_UA, Side.POLICE_RU) and _REPORTS_AFTER.match(text, m.end()):
            reporters.append(found)
        else:
            mentions.append(found)
    # "Ukraine's military said Russian troops captured X": beside another party, the side that
    # reports is the claimant, neither attacker nor target; alone ("Wagner said its fighters
    # seized X"), it reports its own action (and the police who report an arrest made it)
    return (
        mentions
        if any(s.side.armed for s in mentions)
        else sorted([*mentions, *reporters], key=lambda s: s.start)
    )


# "killed in Russian shelling", "a Ukrainian drone strike on ...": the side whose attack
# it is, wherever the phrase stands in the sentence
_ITS_ATTACK = re.compile(
    r"(?:strikes?|attacks?|shelling|bombardment|fire|raids?|(?:counter-?)?offensive)$"
    r"|\s+(?:(?:drone|missile|rocket|artillery|air|mortar)\s+)?"
    r"(?:strikes?|attacks?|shelling|bombardment|fire|raids?|(?:counter-?)?offensive)\b",
    re.I,
)


# "the Donetsk People's Republic's town of Gorlovka", "in the DPR": the republic named as a
# territory, not as a party; only "by the DPR", or its forces, attacked
_REPUBLIC_AS_PLACE = re.compile(
    r"\s*(?:'s|’s)\s+(?:town|city|village|capital|territory)|\s*\((?:DPR|DNR|LPR|LNR)\)", re.I
)
# The verbs a party reports with ("Ukraine's military said ..."), read after its name
_REPORTED = (
    r"(?:said|says|reported|reports|claimed|claims|announced|announces|stated|states|told|wrote"
    r"|added|confirmed)\b"
)
_REPORTS_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:also|later|earlier|then|on\s+\w+day)\s+)?" + _REPORTED, re.I
)
_IN_BEFORE = re.compile(r"(?:\b(?:in|of|across|from|into)\s+(?:the\s+)?|\(\s*)$", re.I)


def _republic_as_place(text: str, m: re.Match[str], start: int) -> bool:
    if _SIDE_BY_GROUP[m.lastgroup] not in (Side.DNR, Side.LNR):  # type: ignore[index]
        return False
    if _ITS_ATTACK.search(m.group()) or _ITS_ATTACK.match(text, m.end()):
        return False  # "DPR shelling", "the DPR forces' attack"
    before = text[max(start, m.start() - 40) : m.start()]
    return bool(_REPUBLIC_AS_PLACE.match(text, m.end()) or _IN_BEFORE.search(before))


def _reads_as_attacker(text: str, m: re.Match[str], start: int, trigger_start: int) -> bool:
    if _ITS_ATTACK.search(m.group()) or _ITS_ATTACK.match(text, m.end()):
        return True
    before = text[max(start, m.start() - 40) : m.start()]
    if _BY_BEFORE_END.ends(before):
        return True
    if _TARGET_BEFORE.search(before):
        return False
    if m.start() < trigger_start:
        return not _PASSIVE_AFTER.match(text, m.end(), m.end() + 40)
    return False


# -- claims ------------------------------------------------------------------

_CLAIMANTS = (
    (
        re.compile(
            r"russia(?:n|'s|’s)?\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|mod)\b|"
            r"ministry\s+of\s+defen[cs]e\s+of\s+russia|konashenkov|"
            r"defen[cs]e\s+ministry\s+in\s+moscow|moscow['’]s\s+defen[cs]e\s+ministry",
            re.I,
        ),
        "Russian Defence Ministry",
    ),
    (
        re.compile(
            r"ukrain(?:ian|e's|e’s)?\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+"
            r"defen[cs]e)|defen[cs]e\s+ministry\s+in\s+(?:kyiv|kiev)",
            re.I,
        ),
        "Ukrainian Defence Ministry",
    ),
    (re.compile(r"general\s+staff", re.I), "General Staff of the Armed Forces of Ukraine"),
    (
        re.compile(r"ukrain\w*\s+air\s+force|air\s+force\s+of\s+ukraine", re.I),
        "Ukrainian Air Force",
    ),
    (re.compile(r"ukrainian\s+(?:officials|authorities|government)", re.I), "Ukrainian officials"),
    (re.compile(r"russian\s+(?:officials|authorities|government)", re.I), "Russian officials"),
    (re.compile(r"\bkremlin\b", re.I), "Kremlin"),
)
_CLAIM_PATTERNS = (
    re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:()“”\"]{3,90})", re.I),
    re.compile(
        r"(?P<who>\b(?:the\s+)?(?:(?:[A-Z][\w'’.-]*|defen[cs]e|foreign|interior|infrastructure|"
        r"regional|military|city|local|emergency|energy)\s+){0,6}(?:[Mm]inistry|[Ff]orces?|[Aa]rmy|"
        r"[Ss]taff|[Cc]ommand|officials|authorities|governor|[Gg]overnor|mayor|[Mm]ayor|police|"
        r"[Pp]olice|military|spokes(?:man|woman|person)|[Pp]rosecutors?(?:'s\s+[Oo]ffice)?|SBU|"
        r"Kremlin|[Mm]inister|[Aa]dministration|[Ss]ervice)"
        r"(?:\s+(?:(?:of|in)\s+(?:the\s+)?)?[A-Z][\w'.-]*){0,4})\s+"
        r"(?:has\s+|have\s+)?(?:said|says|reported|claimed|announced|stated|confirmed|alleged|"
        r"wrote|posted)\b"
    ),
    # "Ukraine said on June 12 it had taken control of Lobkove": the country as speaker
    re.compile(r"(?P<who>\b(?:Ukraine|Russia)(?![’'\w-]))\s+(?:has\s+|had\s+)?" + _REPORTED),
    re.compile(
        r"(?:said|says|reported|claimed|announced|stated)\s+(?P<who>(?:the\s+)?"
        r"(?:[A-Z][\w'.-]*\s+){0,6}(?:[Mm]inistry|[Ss]taff|governor|mayor|[Mm]ayor|"
        r"officials|spokes(?:man|woman)))"
    ),
)
_CLAIM_HINT = re.compile(
    r"accord|said|says|report|claim|announc|stated|confirm|alleg|wrote|posted", re.I
)
_ALLEGED = re.compile(
    r"\b(?:alleged(?:ly)?|reportedly|purported(?:ly)?|unconfirmed|unverified|could\s+not\s+"
    r"(?:be\s+)?(?:independently\s+)?verif\w*|claims?\s+that|accus(?:ed|es|ing|ations?)|"
    r"denied|denies|suspected|allegations?|(?:examining|investigating|looking\s+into|checking|"
    r"verifying)\s+(?:\w+\s+)?(?:reports?|claims?))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Claim:
    """Who reports an event, as written and as an ACLED-style source name."""

    who: str
    start: int
    end: int


def find_claims(text: str, start: int, end: int) -> list[Claim]:
    """Claimants named in ``text[start:end]`` ("according to ...", "X said")."""
    if not _CLAIM_HINT.search(text, start, end):
        return []  # no reporting verb: skip the three long patterns
    claims = []
    for pattern in _CLAIM_PATTERNS:
        for m in pattern.finditer(text, start, end):
            who = normalise_claimant(m.group("who"))
            if who:
                claims.append(Claim(who, m.start("who"), m.end("who")))
    return claims


def normalise_claimant(raw: str) -> str | None:
    """A stable claimant name: known institutions canonicalised, others tidied.

    >>> normalise_claimant("Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov")
    'Russian Defence Ministry'
    """
    for pattern, name in _CLAIMANTS:
        if pattern.search(raw):
            return name
    words = raw.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    tidy = " ".join(words)[:80]
    return tidy or None


def is_alleged(sentence: str) -> bool:
    """True when a sentence hedges the report ("claims that", "allegedly", "denied")."""
    return _ALLEGED.search(sentence) is not None


def claimant_side(claimant: str | None) -> Side | None:
    """The party a claimant speaks for, when it is plain from the name."""
    if not claimant:
        return None
    low = claimant.lower()
    if low.startswith("russia") or low == "kremlin":
        return Side.RUSSIA
    if low.startswith("ukrain") or "armed forces of ukraine" in low:
        return Side.UKRAINE
    return None
