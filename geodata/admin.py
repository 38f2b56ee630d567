"""Admin regions of Ukraine and its neighbours: canonical names, aliases, centres.

Articles name regions every way: "the Kyiv region", "Kyiv Oblast", "Kyivska
oblast", "Київська область", "Kiev Oblast", "the Donbas", "Crimea". This module
maps them all to one canonical English admin-1 name and a representative point.

A region-level event sits where ACLED puts a province when "only the province
is known": at its administrative centre (Sumy Oblast at Sumy), for Ukraine's
oblasts as for Russian, Belarusian and Moldovan regions. A Ukrainian oblast
still carries its own GeoNames ADM1 id, so analysts can join on the unit. Kyiv
Oblast, whose centre is the capital outside it, keeps its ADM1 point, so an
oblast-wide event never reads as one in Kyiv city. ``geo_precision`` 3 says the
point stands for the whole region; the map draws it as a faint area, never as
a town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geodata.names import name_key


@dataclass(frozen=True, slots=True)
class Region:
    """An admin-1 unit (or a well-known informal region such as Donbas)."""

    name: str  # canonical English name, e.g. "Kyiv Oblast"
    country: str  # ISO alpha-2
    code: str | None  # GeoNames admin-1 code ("13"), None for informal regions
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # admin-1 codes an informal region spans
    geonameid: int | None = None  # the unit's own GeoNames id, None when not known

    @property
    def codes(self) -> frozenset[str]:
        """Admin-1 codes that count as "in" this region."""
        own = {self.code} if self.code else set()
        return frozenset(own | set(self.members) | _LINKED.get(self.code or "", set()))


def _r(
    name: str,
    code: str | None,
    lat: float,
    lon: float,
    *aliases: str,
    country: str = "UA",
    members: tuple[str, ...] = (),
) -> Region:
    geonameid = _UA_ADMIN1_IDS.get(code or "") if country == "UA" else None
    return Region(name, country, code, lat, lon, tuple(aliases), tuple(members), geonameid)


# GeoNames ids of Ukraine's admin-1 units (admin1CodesASCII.txt), so a
# region-level event carries an id analysts can join on, as a town's does.
_UA_ADMIN1_IDS: dict[str, int] = {
    "01": 710802, "02": 710734, "03": 710720, "04": 709929, "05": 709716, "06": 707470,
    "07": 706482, "08": 706442, "09": 706370, "10": 705811, "11": 703883, "12": 703447,
    "13": 703446, "14": 702657, "15": 702549, "16": 700567, "17": 698738, "18": 696634,
    "19": 695592, "20": 694422, "21": 692196, "22": 691649, "23": 689559, "24": 689064,
    "25": 687869, "26": 687699, "27": 686966,
}  # fmt: skip


# GeoNames admin-1 codes for Ukraine (not ISO). Aliases: English, GeoNames,
# Ukrainian adjectival (Kyivska), Russian adjectival (Kievskaya), old names.
UKRAINE: tuple[Region, ...] = (
    _r("Cherkasy Oblast", "01", 49.4445, 32.0574, "Cherkasy", "Cherkassy", "Cherkaska",
       "Cherkasskaya", "Tsjerkasy"),
    _r("Chernihiv Oblast", "02", 51.5055, 31.2849, "Chernihiv", "Chernigov", "Chernihivska",
       "Chernigovskaya", "Tsjernihiv", "Tschernihiw"),
    _r("Chernivtsi Oblast", "03", 48.2915, 25.9403, "Chernivtsi", "Chernovtsy", "Chernivetska",
       "Chernovitskaya", "Bukovyna", "Bukovina"),
    _r("Dnipropetrovsk Oblast", "04", 48.4666, 35.0407, "Dnipropetrovsk", "Dnipropetrovska",
       "Dnepropetrovskaya", "Dnipro Oblast", "Dnipro region", "Dnipropetrovshchyna"),
    _r("Donetsk Oblast", "05", 48.023, 37.8022, "Donetsk", "Donetska", "Donetskaya", "Donestk",
       "Donechchyna", "Donetsk People's Republic"),
    _r("Ivano-Frankivsk Oblast", "06", 48.9215, 24.7097, "Ivano-Frankivsk", "Ivano-Frankivska",
       "Ivano-Frankovskaya", "Prykarpattia"),
    _r("Kharkiv Oblast", "07", 49.9808, 36.2527, "Kharkiv", "Kharkov", "Kharkivska",
       "Kharkovskaya", "Charkov", "Charkiw", "Kharkivshchyna"),
    _r("Kherson Oblast", "08", 46.6369, 32.6146, "Kherson", "Khersonska", "Khersonskaya",
       "Cherson", "Khersonshchyna"),
    _r("Khmelnytskyi Oblast", "09", 49.4216, 26.9965, "Khmelnytskyi", "Khmelnytskyy",
       "Khmelnytsky", "Khmelnitsky", "Khmelnytska", "Khmelnitskaya", "Khmelnychchyna"),
    _r("Kirovohrad Oblast", "10", 48.5132, 32.2597, "Kirovohrad", "Kirovograd", "Kirovohradska",
       "Kirovogradskaya", "Kropyvnytskyi Oblast"),
    _r("Crimea", "11", 44.9572, 34.1108, "Autonomous Republic of Crimea", "Crimean peninsula",
       "Krym", "Krim", "Republic of Crimea"),
    _r("Kyiv City", "12", 50.45, 30.5333, "Kyiv City", "Kiev City", "City of Kyiv"),
    _r("Kyiv Oblast", "13", 50.2402, 30.2316, "Kyiv", "Kiev", "Kyivska", "Kievskaya", "Kiyv",
       "Kyivshchyna", "Kiev region"),
    _r("Luhansk Oblast", "14", 48.5671, 39.3171, "Luhansk", "Lugansk", "Luhanska", "Luganskaya",
       "Luhanshchyna", "Luhansk People's Republic", "Lugansk People's Republic"),
    _r("Lviv Oblast", "15", 49.8383, 24.0232, "Lviv", "Lvov", "Lvivska", "Lvovskaya", "Lwow"),
    _r("Mykolaiv Oblast", "16", 46.9763, 31.993, "Mykolaiv", "Mykolayiv", "Nikolaev",
       "Nikolayev", "Mykolaivska", "Nikolaevskaya", "Mykolajiv"),
    _r("Odesa Oblast", "17", 46.4775, 30.7326, "Odesa", "Odessa", "Odeska", "Odesskaya",
       "Odeshchyna"),
    _r("Poltava Oblast", "18", 49.5892, 34.5537, "Poltava", "Poltavska", "Poltavskaya"),
    _r("Rivne Oblast", "19", 50.6231, 26.2274, "Rivne", "Rovno", "Rivnenska", "Rovenskaya"),
    _r("Sevastopol", "20", 44.5553, 33.5385, "Sevastopol City", "Sebastopol"),
    _r("Sumy Oblast", "21", 50.9174, 34.7991, "Sumy", "Sumska", "Sumskaya", "Sumshchyna"),
    _r("Ternopil Oblast", "22", 49.554, 25.5907, "Ternopil", "Ternopol", "Ternopilska",
       "Ternopolskaya"),
    _r("Vinnytsia Oblast", "23", 49.2328, 28.481, "Vinnytsia", "Vinnytsya", "Vinnitsa",
       "Vinnytska", "Vinnitskaya"),
    _r("Volyn Oblast", "24", 50.7593, 25.3424, "Volyn", "Volhynia", "Volynska", "Volynskaya"),
    _r("Zakarpattia Oblast", "25", 48.6167, 22.3, "Zakarpattia", "Transcarpathia",
       "Zakarpatska", "Zakarpatskaya", "Zakarpattya"),
    _r("Zaporizhzhia Oblast", "26", 47.8517, 35.1171, "Zaporizhzhia", "Zaporizhia",
       "Zaporozhye", "Zaporizhzhya", "Zaporizka", "Zaporozhskaya", "Zaporizja", "Zaporishshja"),
    _r("Zhytomyr Oblast", "27", 50.2649, 28.6767, "Zhytomyr", "Zhitomir", "Zhytomyrska",
       "Zhitomirskaya"),
    _r("Donbas", None, 48.35, 38.4, "Donbass", "the Donbas", "Donets Basin", members=("05", "14")),
)  # fmt: skip

# Neighbouring regions that appear in reporting on this war (approximate centres).
NEIGHBOURS: tuple[Region, ...] = (
    _r("Belgorod Oblast", "09", 50.6034, 36.5809, "Belgorod", "Belgorodskaya", country="RU"),
    _r("Kursk Oblast", "41", 51.7269, 36.1846, "Kursk", "Kurskaya", country="RU"),
    _r("Bryansk Oblast", "10", 53.271, 34.3214, "Bryansk", "Bryanskaya", country="RU"),
    _r("Voronezh Oblast", "86", 51.6683, 39.192, "Voronezh", "Voronezhskaya", country="RU"),
    _r("Rostov Oblast", "61", 47.2313, 39.7233, "Rostov", "Rostovskaya", country="RU"),
    _r("Krasnodar Krai", "38", 45.0453, 38.9818, "Krasnodar", "Krasnodarskiy", country="RU"),
    _r(
        "Oryol Oblast", "56", 52.9688, 36.0791, "Oryol", "Orel", "Orlov", "Orlovskaya",
        country="RU",
    ),
    _r("Moscow Oblast", "47", 55.752, 37.6178, "Moscow", "Moskovskaya", country="RU"),
    _r("Kaluga Oblast", "25", 54.5306, 36.27, "Kaluga", "Kaluzhskaya", country="RU"),
    _r("Tula Oblast", "76", 54.1961, 37.6182, "Tula", "Tulskaya", country="RU"),
    _r("Smolensk Oblast", "69", 54.7783, 32.0509, "Smolensk", "Smolenskaya", country="RU"),
    _r("Lipetsk Oblast", "43", 52.5876, 39.5515, "Lipetsk", "Lipetskaya", country="RU"),
    _r("Tambov Oblast", "72", 52.7363, 41.441, "Tambov", "Tambovskaya", country="RU"),
    _r("Saratov Oblast", "67", 51.5405, 45.9901, "Saratov", "Saratovskaya", country="RU"),
    _r("Volgograd Oblast", "84", 48.7138, 44.4976, "Volgograd", "Volgogradskaya", country="RU"),
    _r("Ryazan Oblast", "62", 54.6269, 39.6916, "Ryazan", "Ryazanskaya", country="RU"),
    _r("Tver Oblast", "77", 56.8584, 35.9006, "Tver", "Tverskaya", country="RU"),
    _r("Penza Oblast", "57", 53.1957, 45.0108, "Penza", "Penzenskaya", country="RU"),
    _r("Astrakhan Oblast", "07", 46.3497, 48.0408, "Astrakhan", "Astrakhanskaya", country="RU"),
    _r("Yaroslavl Oblast", "88", 57.6299, 39.8737, "Yaroslavl", "Yaroslavskaya", country="RU"),
    _r("Nizhny Novgorod Oblast", "51", 56.3287, 44.002, "Nizhny Novgorod", "Nizhniy Novgorod",
       "Nizhegorodskaya", country="RU"),
    _r("Leningrad Oblast", "42", 59.9386, 30.3141, "Leningrad", "Leningradskaya", country="RU"),
    _r("Pskov Oblast", "60", 57.8192, 28.3318, "Pskov", "Pskovskaya", country="RU"),
    _r("Samara Oblast", "65", 53.2077, 50.1355, "Samara", "Samarskaya", country="RU"),
    _r("Tatarstan", "73", 55.7887, 49.1221, "Republic of Tatarstan", country="RU"),
    _r("Bashkortostan", "08", 54.7431, 55.9678, "Republic of Bashkortostan", country="RU"),
    _r("Republic of Adygea", "01", 44.6098, 40.1006, "Adygea", "Adygeya", country="RU"),
    _r("Gomel Region", "02", 52.4345, 30.9754, "Gomel", "Homel", "Gomelskaya", country="BY"),
    _r("Brest Region", "01", 52.1089, 23.7175, "Brest", "Brestskaya", country="BY"),
    _r("Transnistria", None, 46.8428, 29.6284, "Pridnestrovie", "Transdniestria", country="MD"),
)  # fmt: skip

REGIONS: tuple[Region, ...] = UKRAINE + NEIGHBOURS

# Kyiv City sits inside Kyiv Oblast and Sevastopol inside Crimea: a hint naming
# one accepts places coded to the other.
_LINKED: dict[str, set[str]] = {"12": {"13"}, "13": {"12"}, "11": {"20"}, "20": {"11"}}

# Generic words around a region name: "the Kyiv region", "oblast of Kharkiv".
_GENERIC = re.compile(
    r"\b(the|oblast|oblast's|oblasti|obl|region|regions|province|provinces|krai|kray|"
    r"oblastʹ|republic of|ar|area|district|ukraine|russia|belarus|oblasts|of|in)\b"
)
_REGION_WORDS = frozenset({"oblast", "region", "province", "krai", "kray", "obl", "oblasti"})


def _strip_generic(key: str) -> str:
    return " ".join(_GENERIC.sub(" ", key).split())


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for region in reversed(REGIONS):  # Ukraine wins over a neighbour's same alias
        for alias in (region.name, *region.aliases):
            for key in {name_key(alias), _strip_generic(name_key(alias))}:
                if key:
                    index[key] = region
    return index


@lru_cache(maxsize=65_536)
def find_region(name: str) -> Region | None:
    """The region ``name`` refers to, or None.

    Kept per name (the regions are constants): every place mention, hint and
    resolve asks it, often of the same few names.

    Examples
    --------
    >>> find_region("the Kyiv region").name
    'Kyiv Oblast'
    >>> find_region("Київська область").name
    'Kyiv Oblast'
    """
    key = name_key(name)
    index = _alias_index()
    if key in index:
        return index[key]
    bare = _strip_generic(key)
    if bare in index:
        return index[bare]
    return index.get(_unadjective(bare))


def _unadjective(key: str) -> str:
    """ "kivska" → "kiv", "kharkivskaia" → "kharkiv": adjectival region forms to stems."""
    for suffix in ("skaia", "skaya", "ska", "skoi", "skii", "ski"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


def canonical_admin1(name: str) -> str | None:
    """Canonical English admin-1 name for any way of writing it, or None.

    Informal regions spanning several oblasts (Donbas) are not admin-1 units and
    give None; use :func:`find_region` for them.

    Examples
    --------
    >>> canonical_admin1("Kyivska oblast")
    'Kyiv Oblast'
    >>> canonical_admin1("the Kyiv region")
    'Kyiv Oblast'
    >>> canonical_admin1("Narnia") is None
    True
    """
    region = find_region(name)
    if region is None or region.code is None:
        return None
    return region.name


def region_by_code(country: str, code: str | None) -> Region | None:
    """The region with GeoNames admin-1 ``code`` in ``country``, or None."""
    if not code:
        return None
    return _code_index().get((country, code))


@lru_cache(maxsize=1)
def _code_index() -> dict[tuple[str, str], Region]:
    return {(r.country, r.code): r for r in REGIONS if r.code}


def region_phrases() -> dict[str, Region]:
    """Folded phrases that name a region in running text ("kiv oblast", "donbas").

    Bare stems that are also city names ("Kharkiv") are left out: in text they
    usually mean the city. Stems that are not cities ("Donbas", "Crimea",
    "Zakarpattia") and every "<stem> oblast/region/province" form are kept.
    """
    phrases: dict[str, Region] = {}
    for region in reversed(REGIONS):
        for alias in (region.name, *region.aliases):
            stem = _strip_generic(name_key(alias))
            if not stem:
                continue
            for word in ("oblast", "region", "province", "krai"):
                phrases[f"{stem} {word}"] = region
                phrases[f"{word} {stem}"] = region
            # "the Donetsk People's Republic": the occupation's name for the oblast, as a place
            words = set(name_key(alias).split())
            if words & _REGION_WORDS or "republic" in words or region.code in (None, "11"):
                phrases[name_key(alias)] = region
    for region in REGIONS:
        if region.name in _BARE_OK:
            for alias in (region.name, *region.aliases):
                phrases[name_key(alias)] = region
    return phrases


_BARE_OK = frozenset({"Crimea", "Donbas", "Transnistria", "Zakarpattia Oblast", "Volyn Oblast"})
