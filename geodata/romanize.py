"""Ukraine's official romanization of place names, and the spellings news uses besides.

Locations read as Ukraine's national transliteration writes them
(Cabinet of Ministers resolution No. 55 of 27 January 2010): Starokostiantyniv,
Zaporizhzhia, Kupiansk, Mykolaiv. The rules, with their position cases
(word-initial є/ї/й/ю/я as ye/yi/y/yu/ya, зг as zgh, soft sign and apostrophe
dropped), come from the maintained ``translitua`` package, which implements the
2010 system among others; this module only decides *which* Cyrillic name of a
place is its official Ukrainian one.

The spellings of other systems that reach news text and that the spelling
skeleton of :func:`geodata.names.name_key` does not already fold together are
made here as extra lookup keys (:func:`variant_keys`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz
from translitua import UkrainianKMU, translit

from geodata.names import is_cyrillic, name_key, usable_key

# Letters only Ukrainian writes, and letters only Russian writes.
_UKRAINIAN_ONLY = re.compile("[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile("[ыэёъЫЭЁЪ]")
# A Ukrainian name whose skeleton is this close to GeoNames' own name is the same name
# spelt another way ("Gavrilovka" / Гаврилівка); below it, another name (a former one).
SAME_NAME_RATIO = 75.0
_APOSTROPHES = re.compile('[’ʼ`´′‘ʹʻ"]')


@lru_cache(maxsize=65_536)
def romanize(name_uk: str) -> str:
    """The official (KMU 2010) romanization of a Ukrainian name.

    Examples
    --------
    >>> romanize("Старокостянтинів"), romanize("Запоріжжя"), romanize("Куп’янськ")
    ('Starokostiantyniv', 'Zaporizhzhia', 'Kupiansk')
    >>> romanize("Згурівка"), romanize("Їжаківка"), romanize("Олексіївка")
    ('Zghurivka', 'Yizhakivka', 'Oleksiivka')
    """
    # translitua drops the ASCII apostrophe only; Ukrainian text uses the typographic ones too
    text = _APOSTROPHES.sub("'", " ".join(name_uk.split()))
    return translit(text, UkrainianKMU)


def is_ukrainian(name: str) -> bool:
    """True for Cyrillic written the Ukrainian way (no letter only Russian has)."""
    # most alternate names are Latin: the C-speed test first (this runs once per name)
    return not name.isascii() and is_cyrillic(name) and _RUSSIAN_ONLY.search(name) is None


def official_name(
    name: str, alternates: Iterable[str], *, keys: Mapping[str, str] | None = None
) -> str | None:
    """The official romanization of a place GeoNames calls ``name``, from its Ukrainian
    alternate name; None when no alternate is the same name in Ukrainian.

    The Ukrainian-script name must be ``name`` spelt another way (the same spelling
    skeleton, or close to it when GeoNames' name is a Russian romanization): a place's
    former name or a neighbour's never renames it.

    Examples
    --------
    >>> official_name("Starokostyantyniv", ["Starokonstantinov", "Старокостянтинів"])
    'Starokostiantyniv'
    >>> official_name("Gavrilovka", ["Gavrilovka", "Гавриловка", "Гаврилівка"])
    'Havrylivka'
    >>> official_name("Bakhmut", ["Artemivsk", "Артемівськ"]) is None
    True
    >>> official_name("Odesa", ["Одесса", "Одеса"])
    'Odesa'

    ``keys`` may give the :func:`~geodata.names.name_key` of names already folded
    (a gazetteer build folds all its names in one pass first).
    """
    key_of = name_key if keys is None else lambda n: keys.get(n) or name_key(n)
    own = key_of(name)
    found: list[tuple[float, str]] = []
    for alt in alternates:
        if not is_ukrainian(alt):
            continue
        # The letter-by-letter key of the Cyrillic is the key of its romanization (the
        # position rules fold away), so only the chosen name is romanized: this runs for
        # every place of a dump.
        key = key_of(alt)
        ratio = 100.0 if key == own else fuzz.ratio(key, own)
        marked = _UKRAINIAN_ONLY.search(alt) is not None
        if ratio == 100.0 or (marked and ratio >= SAME_NAME_RATIO):
            found.append((ratio + (1.0 if marked else 0.0), alt))
    if not found:
        return None
    top = max(score for score, _alt in found)
    # ties (Одеса, Одесса: one skeleton) go to the spelling nearest GeoNames' own
    tied = {romanize(alt) for score, alt in found if score == top}
    return max(tied, key=lambda latin: (fuzz.ratio(latin.lower(), name.lower()), latin))


# Spellings of other romanizations that the skeleton keeps apart, as key rewrites:
# щ as "sch" (the 1996 national system, German-style copy: Klischiivka) beside "shch";
# a Russian word-initial е as a bare "e" (Elenovka) beside "ye"; зг as "zgh" (the
# official form, keeping it apart from ж) beside the letter-by-letter "zh".
# Plain string operations: every key of a full dump passes through here at build time.


def variant_keys(key: str) -> frozenset[str]:
    """Further lookup keys for a folded name ``key`` (see :func:`geodata.names.name_key`).

    Examples
    --------
    >>> sorted(variant_keys("klishchivka"))
    ['klischivka']
    >>> sorted(variant_keys("ielenovka"))
    ['elenovka']
    >>> sorted(variant_keys("zghurivka"))
    ['zhurivka']
    >>> variant_keys("kharkiv")
    frozenset()
    """
    found = []
    if "shch" in key:
        found.append(key.replace("shch", "sch"))
    if key.startswith("ie") or " ie" in key:
        found.append(" ".join(w[1:] if w.startswith("ie") else w for w in key.split(" ")))
    if "zgh" in key:
        found.append(key.replace("zgh", "zh"))
    return frozenset(k for k in found if k != key and usable_key(k))


# German and Dutch copies of Ukrainian and Russian names (Mykolajiw, Pokrowske,
# Schyroka Balka; Lysytsjansk, Altsjevsk) as rewrites of the lowercased name into the
# English letters the skeleton knows, longest first: щ шч ч ш ж ц в.
_FOREIGN_SPELLINGS = (
    ("schtsch", "shch"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tsj", "ch"),
    ("sj", "sh"),
    ("zj", "zh"),
    ("tz", "ts"),
    ("w", "v"),
)


def foreign_respelling(name: str) -> str | None:
    """``name`` as English romanization would write it, when a German or Dutch spelling
    made it differ; None when no rule applies.

    Only a fallback for names that are not found as written: "sj" and "w" are ordinary
    letters of a Latin name that is indexed as such.

    Examples
    --------
    >>> foreign_respelling("Mykolajiw"), foreign_respelling("Schyroka Balka")
    ('mykolajiv', 'shyroka balka')
    >>> foreign_respelling("Lysytsjansk"), foreign_respelling("Kharkiv") is None
    ('lysychansk', True)
    """
    low = name.lower()
    out = low
    for foreign, english in _FOREIGN_SPELLINGS:
        out = out.replace(foreign, english)
    return out if out != low else None
