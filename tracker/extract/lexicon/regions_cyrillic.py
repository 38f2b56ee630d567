"""Cyrillic names of regions: oblast adjectives and regional nicknames, Ukrainian and Russian.

Each row is ``(canonical region name, adjective stems, nickname stems)``; the
region names are those of :mod:`geodata.admin`. Stems are lower case and end
where the case ending begins: "харківськ" reads "Харківська", "Харківської",
"Харківській"; "харківщин" reads "Харківщина", "Харківщині", "Харківщину".
"""

from __future__ import annotations

REGIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Cherkasy Oblast", ("черкаськ", "черкасск"), ("черкащин",)),
    ("Chernihiv Oblast", ("чернігівськ", "черниговск"), ("чернігівщин", "черниговщин")),
    ("Chernivtsi Oblast", ("чернівецьк", "черновицк"), ("буковин",)),
    (
        "Dnipropetrovsk Oblast",
        ("дніпропетровськ", "днепропетровск"),
        ("дніпропетровщин", "днепропетровщин", "дніпрощин"),
    ),
    ("Donetsk Oblast", ("донецьк", "донецк"), ("донеччин", "донетчин")),
    ("Ivano-Frankivsk Oblast", ("івано-франківськ", "ивано-франковск"), ("прикарпатт",)),
    ("Kharkiv Oblast", ("харківськ", "харьковск"), ("харківщин", "харьковщин")),
    ("Kherson Oblast", ("херсонськ", "херсонск"), ("херсонщин",)),
    ("Khmelnytskyi Oblast", ("хмельницьк", "хмельницк"), ("хмельниччин",)),
    ("Kirovohrad Oblast", ("кіровоградськ", "кировоградск"), ("кіровоградщин",)),
    ("Crimea", (), ("крим", "крым")),
    ("Kyiv Oblast", ("київськ", "киевск"), ("київщин", "киевщин")),
    ("Luhansk Oblast", ("луганськ", "луганск"), ("луганщин",)),
    ("Lviv Oblast", ("львівськ", "львовск"), ("львівщин", "львовщин")),
    ("Mykolaiv Oblast", ("миколаївськ", "николаевск"), ("миколаївщин", "николаевщин")),
    ("Odesa Oblast", ("одеськ", "одесск"), ("одещин", "одесчин")),
    ("Poltava Oblast", ("полтавськ", "полтавск"), ("полтавщин",)),
    ("Rivne Oblast", ("рівненськ", "ровенск"), ("рівненщин",)),
    ("Sumy Oblast", ("сумськ", "сумск"), ("сумщин",)),
    ("Ternopil Oblast", ("тернопільськ", "тернопольск"), ("тернопільщин",)),
    ("Vinnytsia Oblast", ("вінницьк", "винницк"), ("вінниччин",)),
    ("Volyn Oblast", ("волинськ", "волынск"), ("волин",)),
    ("Zakarpattia Oblast", ("закарпатськ", "закарпатск"), ("закарпатт", "закарпать")),
    ("Zaporizhzhia Oblast", ("запорізьк", "запорожск"), ()),
    ("Zhytomyr Oblast", ("житомирськ", "житомирск"), ("житомирщин",)),
    (
        "Belgorod Oblast",
        ("бєлгородськ", "белгородск", "білгородськ"),
        ("бєлгородщин", "белгородчин", "білгородщин"),
    ),
    ("Kursk Oblast", ("курськ", "курск"), ("курщин",)),
    ("Bryansk Oblast", ("брянськ", "брянск"), ("брянщин",)),
    ("Voronezh Oblast", ("воронезьк", "воронежск"), ("воронежчин",)),
    ("Rostov Oblast", ("ростовськ", "ростовск"), ()),
    # the regions deeper in Russia that drone and missile reports name; Moscow only by its
    # nickname ("московское время", "московский режим" name no region)
    ("Krasnodar Krai", ("краснодарськ", "краснодарск"), ()),
    ("Oryol Oblast", ("орловськ", "орловск"), ()),
    ("Moscow Oblast", (), ("підмосков", "подмосков")),
    ("Kaluga Oblast", ("калузьк", "калужск"), ()),
    ("Tula Oblast", ("тульськ", "тульск"), ()),
    ("Smolensk Oblast", ("смоленськ", "смоленск"), ("смоленщин",)),
    ("Lipetsk Oblast", ("липецьк", "липецк"), ()),
    ("Tambov Oblast", ("тамбовськ", "тамбовск"), ()),
    ("Saratov Oblast", ("саратовськ", "саратовск"), ()),
    ("Volgograd Oblast", ("волгоградськ", "волгоградск"), ()),
    ("Ryazan Oblast", ("рязанськ", "рязанск"), ("рязанщин",)),
    ("Tver Oblast", ("тверськ", "тверск"), ()),
    ("Penza Oblast", ("пензенськ", "пензенск"), ()),
    ("Astrakhan Oblast", ("астраханськ", "астраханск"), ()),
    ("Yaroslavl Oblast", ("ярославськ", "ярославск"), ()),
    ("Leningrad Oblast", ("ленінградськ", "ленинградск"), ()),
    ("Pskov Oblast", ("псковськ", "псковск"), ("псковщин",)),
    ("Samara Oblast", ("самарськ", "самарск"), ()),
    ("Tatarstan", (), ("татарстан",)),
    ("Republic of Adygea", (), ("адыге", "адиге")),
)

# Countries and their adjectives are never an event place (ACLED codes no event to a
# country), and villages share their names ("Україна", "Українське"): never looked up.
COUNTRY_STEMS: tuple[str, ...] = (
    "україн", "украин", "росі", "росси", "русск", "росій", "россий", "білорус", "беларус",
    "белорус", "польщ", "польш", "молдов", "грузі", "грузи", "сша", "америк", "європ", "европ",
    "німеч", "герман", "франц", "британ", "туреч", "турци", "китай", "кита",
)  # fmt: skip
