"""The extraction corpus: short passages written for these tests, with the events expected.

Every passage is our own wording. Together they cover every ACLED sub-event
type, each date form the extractor reads, homonymous place names, and the
negatives a news extractor must not turn into events (talks, visits, speeches,
capitals standing for governments, sanctions, history, intentions).

Location names are as the test gazetteer gives them: Ukraine's official
romanization of the places' Ukrainian names (e.g. "Izium", "Mykolaiv").
``expect`` lists every event the passage must give: no more, no fewer.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.model import SubEventType as S

ANY = object()  # a field the case does not check


@dataclass(frozen=True)
class Expect:
    """One expected event; fields left at ANY are not checked."""

    sub: S
    location: str | None
    precision: object = ANY
    date: object = ANY
    time_precision: object = ANY
    actor1: object = ANY
    actor2: object = ANY
    fatalities: object = ANY
    claimed_by: object = ANY
    alleged: object = ANY
    admin1: object = ANY
    target: object = ANY


@dataclass(frozen=True)
class Case:
    """A passage, its metadata and its expected events."""

    id: str
    text: str
    expect: tuple[Expect, ...]
    published: str | None = "2022-04-12"
    today: str = "2024-06-01"
    forbid: tuple[str, ...] = ()  # locations no event may have
    tags: tuple[str, ...] = ()


RU = "Military Forces of Russia (2000-)"
UA = "Military Forces of Ukraine (2019-)"
CIV = "Civilians (Ukraine)"

CASES: tuple[Case, ...] = (
    # --- Explosions/Remote violence ------------------------------------------------
    Case(
        "shelling-kharkiv-overnight",
        "Russian artillery pounded residential districts of Kharkiv overnight, killing three "
        "people, the regional governor said.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Kharkiv",
                precision=1,
                date="2022-04-12",
                time_precision=1,
                actor1=RU,
                actor2=CIV,
                fatalities=3,
            ),
        ),
        tags=("date:overnight",),
    ),
    Case(
        "missile-depot-near-havrylivka",
        "Cruise missiles struck an ammunition depot near Havrylivka in the Kyiv region on "
        "Monday, the Russian Ministry of Defence claimed.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Havrylivka",
                precision=2,
                date="2022-04-11",
                admin1="Kyiv Oblast",
                claimed_by="Russian Defence Ministry",
                actor1=RU,
                target="ammunition depot",
            ),
        ),
        forbid=("Kyiv",),
        tags=("homonym", "admin-hint", "date:weekday"),
    ),
    Case(
        "passive-destroyed-by-missiles",
        "A fuel depot near Havrylivka in the Kyiv region was destroyed by sea-launched "
        "missiles overnight, the Russian Defence Ministry said.",
        (  # the missiles are the weapon, not something shot down
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Havrylivka",
                precision=2,
                date="2022-04-12",
                admin1="Kyiv Oblast",
                claimed_by="Russian Defence Ministry",
                actor1=RU,
            ),
        ),
        forbid=("Kyiv",),
        tags=("homonym", "admin-hint", "date:overnight", "passive"),
    ),
    Case(
        "havrylivka-kharkiv-homonym",
        "Shelling damaged a school in Havrylivka, Kharkiv region, on April 10.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Havrylivka",
                precision=1,
                date="2022-04-10",
                admin1="Kharkiv Oblast",
                target="school",
            ),
        ),
        forbid=("Kharkiv",),
        tags=("homonym", "date:month-day"),
    ),
    Case(
        "airstrike-mariupol",
        "Russian warplanes bombed the port of Mariupol on 9 April 2022, local officials reported.",
        (
            Expect(
                S.AIR_DRONE_STRIKE,
                "Mariupol",
                admin1="Donetsk Oblast",
                date="2022-04-09",
                time_precision=1,
                actor1=RU,
            ),
        ),
        tags=("homonym", "date:day-month-year"),
    ),
    Case(
        "drone-strike-energy",
        "Kamikaze drones hit energy infrastructure in Odesa early on Sunday.",
        (Expect(S.AIR_DRONE_STRIKE, "Odesa", date="2022-04-10", target="energy infrastructure"),),
        tags=("date:weekday",),
    ),
    Case(
        "air-strike-precedes-shelling",
        "An air strike and artillery shelling hit Izium on April 2.",
        (Expect(S.AIR_DRONE_STRIKE, "Izium", date="2022-04-02"),),
        tags=("precedence",),
    ),
    Case(
        "chemical-alleged",
        "Ukrainian officials are investigating claims that a drone dropped a toxic substance "
        "on soldiers in Mariupol.",
        (Expect(S.CHEMICAL_WEAPON, "Mariupol", alleged=True),),
        tags=("claims",),
    ),
    Case(
        "landmine-tractor",
        "A farmer was killed when his tractor hit an anti-tank mine near Balakliia yesterday.",
        (Expect(S.REMOTE_EXPLOSIVE, "Balakliya", precision=2, date="2022-04-11", fatalities=1),),
        tags=("date:yesterday", "near"),
    ),
    Case(
        "grenade-checkpoint",
        "A grenade was thrown at a checkpoint in Melitopol on 3 April, wounding two guards.",
        (Expect(S.GRENADE, "Melitopol", date="2022-04-03", fatalities=0),),
    ),
    Case(
        "suicide-bomb",
        "A suicide bomber blew himself up outside a police station in Donetsk on April 8, "
        "killing four officers.",
        (Expect(S.SUICIDE_BOMB, "Donetsk", precision=1, fatalities=4, date="2022-04-08"),),
    ),
    Case(
        "mlrs-kramatorsk-dead",
        "Rockets fired from multiple launch systems struck the railway station in Kramatorsk, "
        "where dozens of civilians were killed while waiting to leave.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE, "Kramatorsk", fatalities=12, target="railway station"
            ),
        ),
        tags=("fatalities:vague",),
    ),
    Case(
        "several-killed",
        "Several people died after a missile hit an apartment block in Vinnytsia on Saturday.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Vinnytsya", fatalities=3, date="2022-04-09"),),
        tags=("fatalities:vague", "date:weekday"),
    ),
    Case(
        "casualties-count-zero",
        "Mortar fire hit Avdiivka on April 11, causing casualties.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Avdiyivka", fatalities=0),),
        tags=("fatalities:vague",),
    ),
    # --- Battles -------------------------------------------------------------------
    Case(
        "clash-near-izium",
        "Heavy fighting continued on the outskirts of Izium, Ukraine's General Staff said.",
        (
            Expect(
                S.ARMED_CLASH,
                "Izium",
                precision=2,
                claimed_by="General Staff of the Armed Forces of Ukraine",
            ),
        ),
    ),
    Case(
        "ukraine-recaptures",
        "Ukrainian forces recaptured Hostomel after days of fighting, the mayor said on Tuesday.",
        (Expect(S.GOVERNMENT_REGAINS_TERRITORY, "Hostomel", actor1=UA, date="2022-04-12"),),
    ),
    Case(
        "russia-captures",
        "Russian troops seized Kherson in early March, according to the city's mayor.",
        (
            Expect(
                S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                "Kherson",
                actor1=RU,
                date="2022-03-01",
                time_precision=3,
            ),
        ),
        tags=("date:early-month",),
    ),
    Case(
        "liberated-by-russia-is-overtaking",
        "Russian forces claimed to have taken control of Lyman on April 5.",
        (Expect(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "Lyman", actor1=RU, date="2022-04-05"),),
    ),
    Case(
        "repelled-attack",
        "Ukrainian units repelled an assault near Avdiivka, the General Staff said on Monday.",
        (Expect(S.ARMED_CLASH, "Avdiyivka", precision=2, date="2022-04-11"),),
    ),
    # --- Violence against civilians --------------------------------------------------
    Case(
        "bucha-month",
        "In Bucha, a town west of Kyiv, officials said this month that they had found the "
        "bodies of 410 civilians after Russian troops left.",
        (
            Expect(
                S.ATTACK,
                "Bucha",
                precision=1,
                time_precision=3,
                date="2022-04-06",
                fatalities=410,
                actor2=CIV,
            ),
        ),
        forbid=("Kyiv",),
        tags=("reference-point", "date:this-month"),
    ),
    Case(
        "executed-borodianka",
        "Residents of Borodianka said Russian soldiers executed two men in March.",
        (
            Expect(
                S.ATTACK, "Borodianka", actor1=RU, actor2=CIV, date="2022-03-15", time_precision=3
            ),
        ),
        tags=("date:month",),
    ),
    Case(
        "abduction-mayor",
        "The mayor of Melitopol was abducted by Russian soldiers on March 11, the city "
        "council said.",
        (Expect(S.ABDUCTION, "Melitopol", date="2022-03-11", actor1=RU),),
    ),
    Case(
        "sexual-violence",
        "Prosecutors said a woman was raped by a Russian soldier in Brovary at the end of March.",
        (Expect(S.SEXUAL_VIOLENCE, "Brovary", date="2022-03-31", time_precision=3),),
        tags=("date:end-of-month",),
    ),
    Case(
        "occupiers-detain-civilians",
        "Occupation forces detained a journalist in Nova Kakhovka last week.",
        (Expect(S.ABDUCTION, "Nova Kakhovka", time_precision=2, date="2022-04-07", actor1=RU),),
        tags=("date:last-week",),
    ),
    # --- Strategic developments -------------------------------------------------------
    Case(
        "shoot-down-unlocated",
        "Air defence units shot down two cruise missiles and three drones on Tuesday, the "
        "Ukrainian Air Force said.",
        (
            Expect(
                S.DISRUPTED_WEAPONS_USE, None, claimed_by="Ukrainian Air Force", date="2022-04-12"
            ),
        ),
        tags=("unlocated",),
    ),
    Case(
        "intercepted-over-city",
        "Two missiles were intercepted over Lviv yesterday, the mayor wrote.",
        (Expect(S.DISRUPTED_WEAPONS_USE, "Lviv", date="2022-04-11"),),
    ),
    Case(
        "demining",
        "Sappers defused an unexploded shell in a kindergarten in Chernihiv on 4 April.",
        (Expect(S.DISRUPTED_WEAPONS_USE, "Chernihiv", date="2022-04-04"),),
    ),
    Case(
        "looting",
        "Russian soldiers looted shops and homes in Makariv before they left, residents said.",
        (Expect(S.LOOTING_PROPERTY_DESTRUCTION, "Makariv", actor1=RU),),
    ),
    Case(
        "arrest-sbu",
        "The SBU arrested a man in Dnipro on Thursday for passing coordinates to Russian "
        "artillery spotters.",
        (
            Expect(
                S.ARRESTS, "Dnipro", date="2022-04-07", actor1="Police Forces of Ukraine (2019-)"
            ),
        ),
    ),
    Case(
        "prisoner-exchange",
        "Russia and Ukraine exchanged 86 prisoners near Zaporizhzhia on 1 April 2022.",
        (Expect(S.AGREEMENT, "Zaporizhzhia", precision=2, date="2022-04-01"),),
    ),
    Case(
        "base-established",
        "Russian forces set up a field camp and command post outside Melitopol last month, "
        "satellite images show.",
        (
            Expect(
                S.HEADQUARTERS_OR_BASE_ESTABLISHED,
                "Melitopol",
                precision=2,
                time_precision=3,
                date="2022-03-15",
            ),
        ),
        tags=("date:last-month",),
    ),
    Case(
        "withdrawal",
        "Russian troops withdrew from Chernihiv on March 31 without a fight.",
        (Expect(S.NON_VIOLENT_TRANSFER_OF_TERRITORY, "Chernihiv", date="2022-03-31"),),
    ),
    Case(
        "convoy-other",
        "Russian military vehicles were seen moving towards Belgorod on 2022-02-20.",
        (Expect(S.OTHER, "Belgorod", date="2022-02-20"),),
        tags=("date:iso",),
    ),
    Case(
        "mobilisation",
        "Authorities in Donetsk announced a general mobilisation on 19/02/2022.",
        (Expect(S.CHANGE_TO_GROUP_ACTIVITY, "Donetsk", date="2022-02-19"),),
        tags=("date:dd/mm/yyyy",),
    ),
    # --- Protests and riots -----------------------------------------------------------
    Case(
        "peaceful-protest",
        "Hundreds of residents rallied in central Kherson on Sunday against the occupation.",
        (Expect(S.PEACEFUL_PROTEST, "Kherson", actor1="Protesters (Ukraine)"),),
    ),
    Case(
        "protest-intervention",
        "Police dispersed a protest in Kherson on April 5 and detained several demonstrators.",
        (Expect(S.PROTEST_WITH_INTERVENTION, "Kherson", date="2022-04-05"),),
    ),
    Case(
        "excessive-force",
        "Soldiers opened fire on protesters in Nova Kakhovka on March 20, wounding five.",
        (Expect(S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "Nova Kakhovka", date="2022-03-20"),),
    ),
    Case(
        "violent-demonstration",
        "Rioters threw stones at the town hall in Uman on April 6.",
        (Expect(S.VIOLENT_DEMONSTRATION, "Uman", date="2022-04-06"),),
    ),
    Case(
        "mob-violence",
        "A mob beat a man suspected of looting in Poltava on April 3.",
        (Expect(S.MOB_VIOLENCE, "Poltava", date="2022-04-03"),),
    ),
    # --- Dates ----------------------------------------------------------------------
    Case(
        "weekday-date-no-year-no-publication",
        "Missiles struck Lviv on Monday, April 18.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Lviv", date="2022-04-18", time_precision=1),),
        published=None,
        today="2024-06-01",
        tags=("date:weekday-no-year",),
    ),
    Case(
        "weekend",
        "Shelling hit Mykolaiv over the weekend, the governor said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Mykolaiv", time_precision=2, date="2022-04-09"),),
        tags=("date:weekend",),
    ),
    Case(
        "days-ago",
        "Two days ago, artillery hit Kremenchuk, local officials said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kremenchuk", date="2022-04-10"),),
        tags=("date:ago",),
    ),
    Case(
        "no-date-publication-day",
        "Shelling damaged houses in Sumy, the regional administration said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Sumy", date="2022-04-12", time_precision=1),),
        tags=("date:none",),
    ),
    Case(
        "follow-up-sentence-merges",
        "On Friday, Russian missiles hit Kramatorsk. The strike destroyed a warehouse and "
        "killed two workers.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kramatorsk", date="2022-04-08", fatalities=2),),
        tags=("merge",),
    ),
    Case(
        "two-days-two-events",
        "Shelling hit Kharkiv on April 9. Kharkiv was shelled again on April 10.",
        (
            Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-09"),
            Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10"),
        ),
        tags=("merge",),
    ),
    # --- Place roles ------------------------------------------------------------------
    Case(
        "moscow-said",
        "Moscow said its missiles destroyed a fuel depot in Vasylkiv overnight.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Vasylkiv", date="2022-04-12"),),
        forbid=("Moscow",),
        tags=("metonymy",),
    ),
    Case(
        "kyiv-accused",
        "Kyiv accused Moscow of shelling Enerhodar on April 11.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Enerhodar", alleged=True),),
        forbid=("Kyiv", "Moscow"),
        tags=("metonymy",),
    ),
    Case(
        "dateline",
        "KYIV, April 12 (Reuters) - Russian shelling killed two people in Chuhuiv on Tuesday, "
        "officials said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Chuhuyiv", fatalities=2),),
        forbid=("Kyiv",),
        tags=("dateline",),
    ),
    Case(
        "region-only",
        "Russian forces shelled villages across the Donetsk region on April 10.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Donetsk Oblast", precision=3),),
        tags=("region",),
    ),
    Case(
        "vague-east",
        "Russian forces bombarded positions in the country's east on April 10.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "eastern Ukraine", precision=None),),
        tags=("unlocated",),
    ),
    Case(
        "facility-and-town",
        "Missiles hit the Starokostiantyniv airfield in the Khmelnytskyi region overnight.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, ANY, admin1="Khmelnytskyi Oblast"),),
        forbid=("Khmelnytskyi",),
        tags=("facility", "admin-hint"),
    ),
    Case(
        "two-towns-one-sentence",
        "Shelling hit Sloviansk and Kramatorsk on April 9.",
        (
            Expect(S.SHELLING_ARTILLERY_MISSILE, "Slovyansk"),
            Expect(S.SHELLING_ARTILLERY_MISSILE, "Kramatorsk"),
        ),
    ),
    Case(
        "reference-only-near",
        "Shelling hit a village 20 km east of Kharkiv on April 10.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", precision=2),),
        tags=("reference-point",),
    ),
    Case(
        "first-name-is-a-village",
        "Russian rockets hit Kharkiv on Sunday, regional governor Oleh Syniehubov said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10", actor1=RU),),
        forbid=("Oleh",),
        tags=("person",),
    ),
    Case(
        "reporting-ministry-is-not-the-attacker",
        "A drone attack damaged the port of Odesa overnight, Ukraine's infrastructure ministry "
        "said.",
        (
            Expect(
                S.AIR_DRONE_STRIKE,
                "Odesa",
                actor1=None,
                claimed_by="Ukraine's infrastructure ministry",
            ),
        ),
        tags=("actors",),
    ),
    Case(
        "fierce-fighting",
        "Fierce fighting has raged near Bakhmut for weeks, the General Staff said on Monday.",
        (Expect(S.ARMED_CLASH, "Bakhmut", precision=2, date="2022-04-11"),),
    ),
    Case(
        "victims-before-the-weapon",
        "Two people were killed when a Russian missile hit a residential building in Dnipro on "
        "Saturday.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Dnipro",
                actor1=RU,
                actor2=CIV,
                fatalities=2,
                date="2022-04-09",
            ),
        ),
        tags=("actors",),
    ),
    Case(
        "address-from-kyiv",
        "Russian shelling hit Sumy on Sunday, Zelensky said in his nightly address from Kyiv.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Sumy", date="2022-04-10"),),
        forbid=("Kyiv",),
        tags=("negative:speech",),
    ),
    Case(
        "dateline-city",
        "KYIV, April 12 (Reuters) - Explosions rocked the capital before dawn as Russian drones "
        "targeted energy facilities, the mayor said.",
        (Expect(S.AIR_DRONE_STRIKE, "Kyiv", actor1=RU, target="energy facilities"),),
        tags=("dateline",),
    ),
    Case(
        "street-named-after-a-town",
        "Cars burned on Lviv Street after missiles struck central Kharkiv on April 10.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10"),),
        forbid=("Lviv",),
        tags=("negative:street",),
    ),
    Case(
        "kyiv-attacked-locative",
        "Missiles hit Kyiv overnight, the mayor said.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kyiv", precision=1),),
        tags=("capital-as-place",),
    ),
    # --- Negatives --------------------------------------------------------------------
    Case(
        "talks-istanbul",
        "Negotiators met for peace talks in Istanbul, where both delegations discussed a "
        "ceasefire.",
        (),
        forbid=("Istanbul",),
        tags=("negative:talks",),
    ),
    Case(
        "istanbul-accords",
        "The Kremlin said Kyiv had backed away from the Istanbul accords.",
        (),
        tags=("negative:treaty",),
    ),
    Case(
        "visit",
        "President Zelensky visited Kharkiv on Sunday and met soldiers at a hospital.",
        (),
        tags=("negative:visit",),
    ),
    Case(
        "speech-moscow",
        "Speaking in Moscow, Putin said the military operation would continue until its goals "
        "were met.",
        (),
        tags=("negative:speech",),
    ),
    Case(
        "intention",
        "Russian commanders plan to attack Sievierodonetsk in the coming weeks.",
        (),
        tags=("negative:intention",),
    ),
    Case(
        "will-strike",
        "Moscow warned it will strike decision-making centres in Kyiv.",
        (),
        tags=("negative:intention",),
    ),
    Case(
        "negation",
        "No shelling was reported in Zhytomyr overnight, the governor said.",
        (),
        tags=("negative:negation",),
    ),
    Case(
        "sanctions",
        "The EU imposed new sanctions on Russian banks over the shelling of Kharkiv.",
        (),
        tags=("negative:sanctions",),
    ),
    Case(
        "history-anniversary",
        "Residents of Kyiv marked the anniversary of the 1941 massacre with a vigil.",
        (),
        tags=("negative:history",),
    ),
    Case(
        "history-old-year",
        "Russia annexed Crimea in 2014 and backed the fighting in Donetsk that followed in 2014.",
        (),
        tags=("negative:history",),
    ),
    Case(
        "damage-without-place",
        "Parliament approved a bill on the reconstruction of damaged housing.",
        (),
        tags=("negative:weak",),
    ),
    # Damage with no cause given makes no event of its own: measured on real pages
    # such sentences describe an event named elsewhere (or none) far more often than not.
    Case(
        "damage-with-place",
        # a one-line note: the damage is its report (in an article it would only echo one)
        "Photos show heavy damage to a school in Kharkiv on April 10.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10"),),
        tags=("weak",),
    ),
    Case(
        "damage-follows-strike",
        "A missile hit a school in Kharkiv on April 10. The blast caused heavy damage to the "
        "building.",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10"),),
        tags=("weak",),
    ),
    Case(
        "air-raid-alert",
        "The governor urged residents of Poltava to heed air raid alerts and stay in shelters.",
        (),
        tags=("negative:homograph",),
    ),
    Case(
        "labour-strike",
        "Dock workers in Odesa went on a hunger strike over unpaid wages.",
        (),
        tags=("negative:homograph",),
    ),
    Case(
        "sport",
        "Shakhtar beat Dynamo Kyiv two goals to one in Lviv on Saturday.",
        (),
        tags=("negative:homograph",),
    ),
    Case(
        "organisation-name",
        "The Kyiv Independent reported that the Kharkiv City Council met on Tuesday.",
        (),
        tags=("negative:organisation",),
    ),
    Case(
        "other-language",
        "Вночі ракети влучили в Харків, повідомив губернатор.",
        (),
        tags=("bad-input",),
    ),
    Case(
        "markup-left-in",
        "<div class='story'><p>Russian <b>shelling</b> hit <a href='/k'>Kharkiv</a> on "
        "April 10.</p><script>var x = 'missiles hit Lviv';</script></div>",
        (Expect(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date="2022-04-10"),),
        forbid=("Lviv",),
        tags=("bad-input",),
    ),
    # --- A whole article with the seed article's difficulties, in new words ----------
    Case(
        "article-peace-talks-and-strikes",
        "Putin declares negotiations with Kyiv at a dead end\n\n"
        "Russian President Vladimir Putin said on Tuesday, April 12, that talks with Ukraine had "
        "stalled, while his troops kept up an artillery barrage on towns in the country's east. "
        "He dismissed as staged the reports from Bucha, a commuter town north-west of Kyiv, "
        "where local officials said this month that scores of residents had been found dead. "
        "Kyiv is also examining reports that a toxic gas was used against its soldiers in "
        "Mariupol. Putin accused Ukrainian envoys of walking away from the Istanbul accords and "
        "said the campaign would go on until Russia achieved its aims in Donbas. He spoke during "
        "a trip to the Vostochny Cosmodrome with Alexander Lukashenko. "
        "Overnight, missiles launched from ships and aircraft hit the military airfield at "
        "Starokostiantyniv in the Khmelnytskyi region and an ammunition store near Havrylivka "
        "in the Kyiv region, the Russian Defence Ministry said. "
        "Ukraine's air force said it had shot down a Russian jet, two helicopters and four "
        "drones.",
        (
            Expect(
                S.SHELLING_ARTILLERY_MISSILE, "eastern Ukraine", date="2022-04-12", precision=None
            ),
            Expect(S.ATTACK, "Bucha", time_precision=3, fatalities=20),
            Expect(S.CHEMICAL_WEAPON, "Mariupol", alleged=True),
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                ANY,
                admin1="Khmelnytskyi Oblast",
                claimed_by="Russian Defence Ministry",
                date="2022-04-12",
            ),
            Expect(
                S.SHELLING_ARTILLERY_MISSILE,
                "Havrylivka",
                precision=2,
                admin1="Kyiv Oblast",
                claimed_by="Russian Defence Ministry",
            ),
            Expect(S.DISRUPTED_WEAPONS_USE, None, actor1=UA),
        ),
        forbid=("Kyiv", "Istanbul", "Donbas", "Moscow"),
        tags=("article", "metonymy", "negative:treaty", "negative:visit", "reference-point"),
    ),
)
