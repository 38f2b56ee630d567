"""Fatalities with ACLED's conservative reading of vague numbers.

"several" and "a few" count 3, "many" 10, "dozens" 12, "hundreds" 100;
"casualties" and "injured" count nothing. When a sentence gives several
figures the largest single figure is kept (figures are not added up, because
"five people were killed, two of them children" would count seven).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.prefixes import PrefixScanner
from tracker.extract.text import CARDINALS

_WORDS = {
    **CARDINALS,
    "a few": 3,
    "few": 3,
    "several": 3,
    "some": 3,
    "many": 10,
    "numerous": 10,
    "a dozen": 12,
    "dozens": 12,
    "dozens of": 12,
    "several dozen": 12,
    "scores": 20,
    "scores of": 20,
    "hundreds": 100,
    "hundreds of": 100,
    "several hundred": 100,
    "a hundred": 100,
    "thousands": 1000,
    "thousands of": 1000,
}

_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})*|several\s+hundred|several\s+dozen|hundreds(?:\s+of)?|"
    r"dozens(?:\s+of)?|scores(?:\s+of)?|thousands(?:\s+of)?|a\s+(?:few|dozen|hundred)|"
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"few|several|some|many|numerous)"
)
_ONE_PERSON = (
    r"(?:driver|man|woman|boy|girl|child|resident|passenger|farmer|pensioner|civilian"
    r"|soldier|policeman|rescuer|worker|owner|mayor|teenager|cyclist|motorcyclist)"
)
_QUAL = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to"
    r"|no\s+(?:fewer|less)\s+than|not\s+less\s+than)\s+)?"
)
_PATTERNS = (
    PrefixScanner(
        # "A woman, 76, was killed", "Nine people, among them a boy, were killed": words
        # between commas may follow the noun
        rf"\b{_QUAL}{_NUM}\s+(?:[\w-]+(?:,[^,.;:]{{1,40}},)?\s+){{0,3}}?(?:(?:were|was|have\s+been|"
        r"had\s+been|are|"
        r"is)\s+(?:reported\s+|found\s+|confirmed\s+)?)?(?:killed|dead|died|perished|bodies|lost\s+their\s+lives|"
        # "confirming one fatality", not "a death sentence"
        r"fatalities|deaths|(?<=one\s)(?:fatality|death)(?!\s+(?:sentence|penalty|toll)))\b",
        flags=re.I,
    ),
    PrefixScanner(
        r"\b(?:killed|killing|kills|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:rose|climbed|"
        r"reached|stands|stood|is|was|has\s+risen|of)(?:\s+(?:to|at))?|leaving|bodies\s+of)\s+"
        rf"{_QUAL}{_NUM}\b(?!\s+(?:\w+\s+)?(?:injured|wounded|hurt))",
        flags=re.I,
    ),
    # "killing the driver", "the driver was killed": one person, named by role
    PrefixScanner(
        rf"\b(?:killed|killing|kills)\s+(?P<num>the|its|his|her)\s+{_ONE_PERSON}\b"
        rf"|\b(?P<num2>the)\s+{_ONE_PERSON}\s+(?:was\s+killed|died)\b",
        flags=re.I,
    ),
)
_HINT = re.compile(r"kill|dead|died|death|bodies|lives|perish|fatalit", re.I)
_UNSPECIFIC = frozenset({"a", "an", "some"})


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A fatality figure found in a sentence and the words it came from."""

    count: int
    phrase: str


def find_fatalities(sentence: str) -> Fatalities | None:
    """The conservative fatality figure a sentence reports, or None.

    >>> find_fatalities("several hundred dead residents").count
    100
    >>> find_fatalities("The strike killed at least 7 people and injured 20.").count
    7
    >>> find_fatalities("There were casualties.") is None
    True
    """
    if not _HINT.search(sentence):
        return None  # no death word at all: skip the two long patterns
    best: Fatalities | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            groups = m.groupdict()
            count = _count(groups.get("num") or groups.get("num2") or "")
            if count and (best is None or count > best.count):
                best = Fatalities(count, m.group().strip())
    return best


def _count(text: str) -> int:
    key = " ".join(text.lower().split())
    if key.replace(",", "").isdigit():
        return int(key.replace(",", ""))
    if key in _UNSPECIFIC:
        return 1 if key != "some" else 3
    if key in ("the", "its", "his", "her"):
        return 1  # only ever read before one person named by role
    return _WORDS.get(key, 0)
