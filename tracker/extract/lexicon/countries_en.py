"""Words that name a country in English, by ISO code: evidence for a place abroad.

The theatre is Ukraine, Russia and Belarus. A place elsewhere ("Przewodów",
"Constanța") is an event place only when its sentence names its country too;
otherwise a capitalised word that happens to be a small town abroad
("Republic", "Federal") would put a strike on another continent.
"""

from __future__ import annotations

THEATRE: frozenset[str] = frozenset({"UA", "RU", "BY"})

COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "PL": ("Poland", "Polish"),
    "RO": ("Romania", "Romanian"),
    "MD": ("Moldova", "Moldovan", "Transnistria", "Transnistrian"),
    "HU": ("Hungary", "Hungarian"),
    "SK": ("Slovakia", "Slovak"),
    "LT": ("Lithuania", "Lithuanian"),
    "LV": ("Latvia", "Latvian"),
    "EE": ("Estonia", "Estonian"),
    "FI": ("Finland", "Finnish"),
    "GE": ("Georgia", "Georgian"),
    "AM": ("Armenia", "Armenian"),
    "AZ": ("Azerbaijan", "Azerbaijani"),
    "KZ": ("Kazakhstan", "Kazakh"),
    "TR": ("Turkey", "Turkish", "Türkiye"),
    "BG": ("Bulgaria", "Bulgarian"),
    "DE": ("Germany", "German"),
    "FR": ("France", "French"),
    "GB": ("Britain", "British", "United Kingdom", "UK", "England", "English"),
    "US": ("United States", "U.S.", "US", "America", "American"),
    "SY": ("Syria", "Syrian"),
    "IR": ("Iran", "Iranian"),
    "IL": ("Israel", "Israeli"),
    "KP": ("North Korea", "North Korean"),
    "CZ": ("Czech", "Czechia"),
    "NO": ("Norway", "Norwegian"),
    "SE": ("Sweden", "Swedish"),
    "DK": ("Denmark", "Danish"),
}

# Capitals named without a locative word stand for their governments ("Moscow said").
CAPITALS: frozenset[str] = frozenset(
    [
        "moscow",
        "kyiv",
        "kiev",
        "minsk",
        "washington",
        "london",
        "brussels",
        "beijing",
        "paris",
        "berlin",
        "ankara",
        "warsaw",
        "tehran",
        "kremlin",
    ]
)

# Country names and adjectives: ACLED codes no event to a whole country.
COUNTRY_NAMES: frozenset[str] = frozenset(
    [
        "ukraine",
        "russia",
        "belarus",
        "moldova",
        "poland",
        "romania",
        "hungary",
        "slovakia",
        "georgia",
        "turkey",
        "russian",
        "federation",
    ]
)
