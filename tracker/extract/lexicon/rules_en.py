"""English trigger rules: the words that report an event, mapped to ACLED's taxonomy.

Every rule is a regular expression with the sub-event type it signals and the
confidence it lends; rules listed earlier win where two could match at the same
place ("car bomb" before "bomb", "suicide drone" before "suicide ..."). ``weak``
rules ("struck", "explosions", "killed civilians") only count in a sentence
where no strong rule fired. Another language's extractor brings its own table
of the same shape.
"""

from __future__ import annotations

from tracker.extract.rule import Rule
from tracker.model import SubEventType as S

_N = r"(?:\w[\w'-]*\s+)"  # one word and its space, for "up to N words" gaps
_SIDES = (
    "Russians", "Ukrainians", "the enemy", "the occupiers", "the invaders",
    *(f"{a} {n}" for a in ("Russian", "Ukrainian", "enemy")
      for n in ("forces", "troops", "army", "military")),
)  # fmt: skip
# "The Russians have hit": fixed-width look-behinds, one per side and auxiliary
_AFTER_SIDE = "|".join(
    f"(?<={side} {aux})" for side in _SIDES for aux in ("", "have ", "has ", "had ")
)
ATTACK_ON_PLACE = "attack-on-place"
_ATTACKED_OBJECTS = (
    r"(?:villages?|towns?|city|cities|settlements?|hamlets?|suburbs?|outskirts|farms?|houses?"
    r"|homes?|buildings?|enterprises?|infrastructure|facilit(?:y|ies)|schools?|hospitals?"
    r"|cars?|vehicles?|bus|buses|trains?|stations?|substations?|ports?|communit(?:y|ies)"
    r"|(?:apartment|residential|tower)\s+blocks?|high-rises?|apartments?)\b"
)
# "the recently captured Avdiivka", "Russian-occupied": a participle describing a place
# tells its past, not an event of the day
_ATTRIBUTIVE = r"(?<!the\s)(?<!the\srecently\s)(?<!the\snewly\s)(?<!-)"
_ALONG_WITH = r"(?:,?\s+(?:along\s+with|as\s+well\s+as)(?:\s+[\w'-]+){1,3})?"  # ", along with X,"
_AIRCRAFT = r"(?:planes?|aircraft|jets?|warplanes?|helicopters?|drones?|UAVs?|Shaheds?|missiles?)"


RULES: tuple[Rule, ...] = (
    # Strategic developments that must be read before the weapons they mention.
    Rule(
        "shoot-down",
        S.DISRUPTED_WEAPONS_USE,
        r"shot\s+down|shoot(?:s|ing)?\s+down|downed|downing\s+of|intercept(?:ed|s|ing)"
        # "destroyed four drones", but not the passive "destroyed by missiles",
        # where the weapon is the attacker, not the target.
        rf"|(?:destroyed|neutrali[sz]ed)\s+(?!(?:by|during|in|after|when|as|from)\b)"
        rf"{_N}{{0,3}}{_AIRCRAFT}"
        # "confirmed the destruction of 22 drones over the Kursk region"
        rf"|(?:destruction|interception)\s+of\s+{_N}{{0,3}}{_AIRCRAFT}"
        r"|air\s+defen[cs]es?(?:\s+(?:forces|systems|units|crews))?\s+"
        r"(?:destroyed|repelled|neutrali[sz]ed|repulsed|eliminated)"
        # the passive: "all eight Shaheds were destroyed by the Air Force"
        rf"|{_AIRCRAFT}\s+(?:were|was|have\s+been|had\s+been)\s+(?:all\s+|\w+ly\s+)?"
        r"(?:destroyed|neutrali[sz]ed|eliminated)"
        r"|(?:repelled|repulsed|thwart(?:s|ed)?|foil(?:s|ed)?)\s+(?:an?\s+|the\s+|this\s+)?"
        r"(?:massive\s+|massed\s+)?(?:\w+\s+)?(?:air|aerial|drone|missile|UAV)\s+attacks?"
        # the passive: "a drone attack on the region had been thwarted"
        rf"|(?:air|aerial|drone|missile|UAV)\s+attacks?\s+{_N}{{0,6}}(?:was|were|had\s+been|"
        r"has\s+been|have\s+been)\s+[\"“”']?(?:thwarted|foiled|repelled|repulsed)"
        r"|(?:repelled|repulsed)\s+(?:the|an)\s+attack\s+of\s+(?:an?\s+)?(?:\w+\s+)?"
        r"(?:drones?|UAVs?|missiles?)",
        0.8,
    ),
    Rule("demining", S.DISRUPTED_WEAPONS_USE, r"defus(?:ed|ing)|demin(?:ed|ing)", 0.6),
    Rule(
        "agreement",
        S.AGREEMENT,
        rf"sign(?:ed|s)\s+(?:an?\s+|the\s+)?{_N}{{0,2}}(?:agreement|deal|accord|memorandum|treaty)"
        r"|agreed\s+(?:to|on)\s+(?:an?\s+|the\s+)?"
        rf"{_N}{{0,2}}(?:cease-?fires?|truce|exchange|swap|corridors?|deal)"
        r"|prisoner\s+(?:swaps?|exchanges?)|exchange\s+of\s+prisoners"
        rf"|(?:exchanged|swapped)\s+{_N}{{0,2}}(?:prisoners|POWs|bodies)"
        r"|reached\s+an?\s+agreement",
        0.7,
    ),
    Rule(
        "base-established",
        S.HEADQUARTERS_OR_BASE_ESTABLISHED,
        r"(?:set\s+up|established|establish(?:es|ing)|built|moved|relocated)\s+"
        rf"(?:an?\s+|the\s+|their\s+|its\s+)?{_N}{{0,2}}"
        r"(?:base|headquarters|command\s+post|field\s+camp|military\s+camp)",
        0.6,
    ),
    Rule(
        "mobilisation",
        S.CHANGE_TO_GROUP_ACTIVITY,
        r"(?:announced|declared|ordered)\s+(?:an?\s+|the\s+)?(?:partial\s+|general\s+)?"
        r"mobili[sz]ation",
        0.6,
    ),
    Rule(
        "occupation-official",
        S.OTHER,
        # "Russia-appointed head of the region" is an epithet, not an appointment
        r"(?<!-)(?:appointed|installed)\s+(?:(?:its|their)\s+own\s+|a\s+new\s+|a\s+pro-Russian\s+)?"
        r"(?:mayor|governor|head\s+of\s+the\s+(?:region|city|administration))",
        0.55,
    ),
    Rule(
        "troop-movement",
        S.OTHER,
        rf"(?:military|armou?red|Russian)\s+(?:equipment|vehicles|hardware|convoys?|columns?)\s+{_N}{{0,3}}"
        r"(?:moving|seen|spotted|filmed|heading|being\s+moved|on\s+the\s+move|deployed)"
        r"|troop\s+(?:movements?|build-?up)|military\s+build-?up|Russian\s+(?:\w+\s+)?convoys?"
        r"|(?:martial\s+law|curfew)\s+(?:was\s+|has\s+been\s+)?(?:declared|imposed|introduced)",
        0.5,
    ),
    Rule(
        "withdrawal",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        r"withdr(?:ew|awn)\s+from|pulled\s+out\s+of|retreated\s+from"
        r"|handed\s+over\s+control|abandoned\s+(?:the\s+)?(?:regional\s+|provincial\s+)?"
        r"(?:capital|city|town|village|settlement|positions?)",
        0.55,
    ),
    # Explosions/Remote violence.
    Rule(
        "chemical",
        S.CHEMICAL_WEAPON,
        r"chemical\s+(?:weapons?|attacks?|strikes?|agents?|munitions?|substances?)"
        r"|poison(?:ous)?\s+gas|chlorine\s+gas|sarin|nerve\s+agents?|toxic\s+(?:gas|substances?)",
        0.8,
    ),
    Rule("suicide-drone", S.AIR_DRONE_STRIKE, r"suicide\s+drones?|kamikaze\s+drones?", 0.8),
    Rule(
        "suicide-bomb",
        S.SUICIDE_BOMB,
        r"suicide\s+(?:bomb(?:er|ers|ing|ings|s)?|attacks?|car\s+bombs?)",
        0.85,
    ),
    Rule(
        "ied",
        S.REMOTE_EXPLOSIVE,
        r"land\s*-?mines?|anti-(?:tank|personnel)\s+mines?"
        r"|(?:stepped\s+on|hit|struck|triggered|detonated|ran\s+over)\s+(?:an?\s+)?(?:\w+\s+)?mines?\b"
        r"|IEDs?\b|improvised\s+explosive|car\s+bombs?|roadside\s+bombs?|booby[-\s]trap\w*"
        r"|explosive\s+devices?|unexploded\s+(?:ordnance|shells?|munitions?)|tripwires?"
        r"|(?:drove|driving|ran|run|hit|struck|stepped)\s+(?:over|on|onto)?\s*(?:an?\s+)?"
        r"(?:\w+\s+)?(?:explosive|mine)\b|explosive\s+remnants|(?:mine|ordnance)\s+"
        r"(?:went\s+off|detonated|exploded)"
        # "killed as a result of a mine explosion", "the explosion of a petal mine": not a
        # coal mine ("an explosion at the mine") -- the blast is the mine's own
        r"|(?<!coal\s)(?:land)?mine\s+(?:explosions?|blasts?|detonations?)"
        r"|(?:explosion|detonation|blast)\s+of\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:land)?mines?\b"
        r"|(?:killed|injured|wounded|maimed|blown\s+up)\s+by\s+(?:an?\s+)?(?:\w+\s+)?mines?\b",
        0.8,
    ),
    Rule(
        "air-strike",
        S.AIR_DRONE_STRIKE,
        r"air\s*-?\s*strikes?|air\s+raids?(?!\s+(?:alerts?|sirens?|warnings?|shelters?|alarms?))"
        r"|aerial\s+(?:bomb\w*|attacks?|assaults?)"
        r"|(?:guided|glide|gliding|aerial|aviation|cluster)\s+bombs?|bomb(?:ed|ing|ings)\b"
        # "KAB" is the Russian guided aerial bomb; "dropped a bomb on the village"
        r"|KABs?\b|dropp(?:ed|ing)\s+(?:an?\s+|\w+\s+)?(?:\w+\s+)?bombs?\s+(?:on|onto)\b"
        # "unmanned aerial vehicles (UAVs) had struck": the wires' long form, spelled out
        r"|(?:drones?|UAVs?|Shaheds?|loitering\s+munitions?|unmanned\s+aerial\s+vehicles?)"
        r"(?:\s*\((?:UAVs?|drones?)\))?"
        # "over 100 drones launched by Moscow killed a driver"
        r"(?:\s+(?:launched|sent|fired)\s+(?:by|from)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
        r"\s+(?:also\s+|later\s+|then\s+)?(?:ha(?:d|ve|s)\s+)?"
        r"(?:strikes?|attacks?|hit|struck|attacked|targeted|slammed|crashed\s+into|exploded"
        r"|killed|injured|wounded|damaged)"
        rf"|(?:attacked|struck|hit|targeted)\s+{_N}{{0,8}}(?:by|with)\s+{_N}{{0,2}}"
        r"(?:drones?|UAVs?|Shaheds?|unmanned\s+aerial\s+vehicles?)"
        # "a drone dropped an explosive device", "by dropping explosives from a drone"
        r"|(?:drones?|UAVs?|quadcopters?)\s+(?:\w+\s+){0,2}(?:dropped|drops|dropping)\b"
        # "a man was injured due to a drone", "killed by a Ukrainian drone"
        r"|(?:killed|injured|wounded|hurt)\s+(?:due\s+to|by|as\s+a\s+result\s+of)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|UAVs?|Shaheds?|quadcopters?)\b"
        r"|dropp(?:ed|ing)\s+(?:\w+\s+){0,3}(?:explosives?|bombs?|grenades?|munitions?|devices?)"
        r"\s+(?:from|by)\s+(?:an?\s+)?(?:\w+\s+)?(?:drones?|UAVs?|quadcopters?)",
        0.8,
    ),
    Rule(
        "aircraft-strike",
        S.AIR_DRONE_STRIKE,
        r"(?:warplanes?|fighter\s+jets?|jets|aircraft|helicopters?|bombers?)\s+"
        r"(?:struck|bombed|attacked|hit|fired|dropped|targeted)",
        0.75,
    ),
    Rule(
        "shelling",
        S.SHELLING_ARTILLERY_MISSILE,
        r"shell(?:ed|ing|ings)\b|bombard(?:ed|ing|ment|ments|s)?\b|artillery(?!\s+spotters?)|mortars?\b"
        r"|howitzers?|MLRS|multiple\s+rocket|rockets?\b|Grads?\b|Smerch|Uragan|HIMARS"
        r"|Iskanders?|Kalibrs?|Kinzhals?|Tochka-U|S-300|cruise\s+missiles?|ballistic\s+missiles?"
        # "a missile warning signal", "missile danger": an alert, not a strike
        r"|missiles?\b(?!\s+(?:warnings?|alerts?|danger|threats?|alarms?|sirens?|signals?)\b)"
        r"|fired\s+(?:on|at|upon)|pound(?:ed|ing)\b"
        # "fired five NATO-caliber 155mm shells at Donetsk": a count of rounds, at a place
        r"|fired\s+(?:[\w,.-]+\s+){0,5}(?:shells?|rounds?|projectiles?|munitions?)\s+(?:at|on|into)\b"
        # "324 arrivals over Orikhiv": shells landing, in front-line reporting
        r"|\d[\d,]*\s+(?:enemy\s+)?arrivals?\b|arrivals?\s+(?:over|on)\b"
        # "six incoming shells were recorded near the plant", "shells landed in the yard"
        r"|shells\s+(?:(?:were|have\s+been|had\s+been)\s+)?(?:landed|fell|hit|struck|exploded"
        r"|recorded)\b",
        0.75,
    ),
    # "The Russians have hit the power plant": a remote strike whose weapon the sentence
    # does not name is coded as shelling/missile, ACLED's default for remote violence.
    # The match is the verb alone (the side is a look-behind), so a rule that reads the
    # same verb better ("targeted homes with drones") starts at the same place and wins.
    Rule(
        "actor-strike",
        S.SHELLING_ARTILLERY_MISSILE,
        rf"(?:{_AFTER_SIDE})(?:hit|struck|targeted)\b(?!\s+(?:back|out|a\s+deal|an\s+agreement))",
        0.65,
    ),
    Rule(
        "shell",
        S.SHELLING_ARTILLERY_MISSILE,
        r"(?<!to )shell\b(?!\s+compan)",
        0.6,
        base_verb=True,
    ),
    Rule(
        "grenade",
        S.GRENADE,
        r"(?<!propelled )(?<!stun )(?<!smoke )(?<!flash )(?<!gas )grenades?\b(?!\s+launcher)",
        0.75,
    ),
    # Battles.
    Rule(
        "recapture",
        S.GOVERNMENT_REGAINS_TERRITORY,
        rf"{_ATTRIBUTIVE}(?:recaptur(?:ed|es|ing)|liberat(?:ed|es|ing)\b)|retook|retaken"
        r"|liberation\s+of"
        r"|regain(?:ed|s)\s+control|took\s+back|won\s+back|de-occupied",
        0.75,
    ),
    Rule(
        "capture",
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        rf"{_ATTRIBUTIVE}(?:captur(?:ed|es|ing)|seiz(?:ed|es|ing))(?!\s+(?:\w+\s+){{0,2}}"
        r"(?:soldiers|servicemen|troops|prisoners|fighters|POWs|weapons|equipment|tanks"
        # "seized buildings on Gorky Street": a foothold in the town, a battle, not its capture
        r"|buildings?|positions?|streets?|blocks?|parts?\s+of|districts?|microdistricts?"
        r"|neighbou?rhoods?|trenches|strongholds?|strongpoints?))"
        r"|took\s+(?:full\s+|complete\s+|total\s+)?control(?:\s+\w+){0,2}\s+of|taken\s+control"
        # "its troops had taken the village of X": "took" and "taken" only with a settlement
        # word, never "took part", "taken to hospital"
        r"|(?:took|taken|takes?)\s+(?:over\s+)?(?:the\s+|another\s+|a\s+)?(?:(?:nearby|small|key|"
        r"strategic|frontline|front-line|neighbouring|neighboring|Black\s+Sea|port|southern"
        r"|northern|eastern|western)\s+)?(?:village|town|city|settlement|hamlet)s?\s+of\b"
        # "fell to Russian forces", "fell to the enemy"; not "fell to 5%", nor a place the
        # debris fell to ("disasters fell to the Holosiivskyi district")
        r"|overran|overrun|fell\s+to(?=\s+(?:the\s+)?(?:Russian|Ukrainian|Russia|Ukraine|Kyiv|Moscow"
        r"|Wagner|invad|occup|enemy|separatist|rebel|pro-Russian|[\w-]+\s+(?:forces|troops|army)))"
        r"|gained\s+control"
        # "the ministry announced the capture of Novomykolaivka village"
        r"|(?:announced|claimed|reported|confirmed)\s+(?:the\s+)?(?:capture|seizure)\s+of\b",
        0.7,
    ),
    Rule(
        "clash",
        S.ARMED_CLASH,
        r"clash(?:ed|es|ing)?\b|(?:heavy|fierce|intense|ongoing)\s+fighting"
        r"|fighting\s+(?:(?:has|had)\s+)?(?:in|near|around|for|continues|continued|raged"
        r"|and\s+advancing)|(?<!aerial )assaults?\s+(?:on|near|in|around|against)"
        # "fighting is also raging in Lyman", "25 battles raged near Bakhmut"
        r"|(?:fighting|battles?|clashes)\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
        r"(?:also\s+|still\s+)?rag(?:e|ed|es|ing)\b"
        # "troops seized buildings on Gorky Street", "captured positions near X": a foothold
        r"|(?:captur|seiz)(?:ed|es|ing)\s+(?:\w+\s+){0,2}(?:buildings?|positions?|streets?|blocks?"
        r"|parts?\s+of|microdistricts?|neighbou?rhoods?|trenches|strongholds?|strongpoints?)\b"
        # "fighting is reported", not "the number of battles reported"
        r"|(?:fighting|battles?|clashes)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
        r"(?:also\s+|still\s+)?reported\b"
        # "Russian forces surround Mariupol" (not "surrounded by fields", "the surrounding")
        r"|(?:surround(?:ed|s)?|encircl(?:ed|es|e|ing))\s+(?:the\s+(?:(?:[\w-]+\s+){0,2}(?:city|town"
        r"|village|settlement)\s+of\s+)?)?(?!Ukrainian\b|Russian\b)(?=(?-i:[A-Z]))"
        r"|fought|firefights?|gun\s*fights?|gun\s*battles?|battl(?:ed|es|ing)\s+(?:for|over|in|near)"
        r"|exchange\s+of\s+fire|exchanged\s+fire|skirmish(?:es)?|street\s+battles?"
        # the defence ministries' "inflicted losses on Ukrainian brigades near X"
        r"|inflict(?:ed|ing|s)\s+(?:heavy\s+|significant\s+)?(?:losses|casualties|defeat)\s+on"
        # "a raid on the Kinburn Spit": special forces landing, not an air raid (that
        # rule starts earlier in the sentence and wins)
        r"|(?:sabotage\s+|commando\s+|cross-border\s+|special\s+forces\s+)?raids?\s+(?:on|into|against)\b"
        rf"|repel(?:led|s)?\s+(?:an?\s+)?{_N}{{0,2}}(?:attacks?|assaults?|offensive)"
        r"|(?<!aerial )assault(?:ed)?\s+(?:on|the)|stormed|ambush(?:ed)?"
        r"|(?:counter)?offensive\s+(?:on|near|in|towards|around)"
        r"|launched\s+an?\s+(?:counter)?offensive|ground\s+attacks?"
        r"|counter-?attack(?:s|ed|ing)?\b|advanc(?:ed|ing|es)\s+(?:\w+\s+)?"
        r"(?:inside|into|in|on|towards?|near|around|deeper"
        # "advanced south of the village of Robotyne", "gained ground near Verbove"
        r"|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)\b"
        r"|gain(?:ed|ing)\s+ground\s+(?:near|around|in|outside)\b|pushed\s+(?:\w+\s+)?"
        r"(?:into|back|deeper)|mov(?:ed|ing)\s+deeper\s+into|(?:entered|broke\s+into)\s+"
        r"(?:the\s+)?(?:city|town|village|settlement|outskirts)|assault\s+operations"
        r"|(?:repelled|repulsed|beat\s+back)\s+(?:\w+\s+){0,3}(?:assaults?|attacks?|attempts?)"
        r"|attempted\s+to\s+break\s+through|small[-\s]arms\s+fire|machine[-\s]gun\s+fire"
        r"|(?:heavy|fierce|intense|ongoing)\s+(?:battles?|combat)"
        # "hostilities persist near X": the sentence still has to name where
        r"|hostilities\s+(?:persist(?:ed|s)?|continu(?:e|ed|es)|rag(?:e|ed|es)|are\s+ongoing)"
        r"\s+(?:\w+\s+){0,2}(?:in|near|around|for)\b",
        0.7,
    ),
    # Violence against civilians.
    Rule(
        "sexual-violence",
        S.SEXUAL_VIOLENCE,
        r"rap(?:ed|es|ing)\b|sexual(?:ly)?\s+(?:violence|assault\w*|abuse\w*)",
        0.75,
    ),
    Rule(
        "abduction",
        S.ABDUCTION,
        r"abduct(?:ed|ion|ions|s|ing)|kidnap(?:ped|ping|pings|s)?"
        r"|forcibly\s+(?:disappeared|deported|taken)|taken\s+hostage|held\s+hostage"
        r"|tak(?:ing|en|e|es)\s+(?:\w+\s+){0,2}(?:as\s+)?hostages?",
        0.75,
    ),
    Rule(
        "execution",
        S.ATTACK,
        r"summar(?:y|ily)\s+execut\w*|executed\b|executions\s+of|massacre[ds]?\b"
        r"|tortur(?:ed|e|ing)\b|mass\s+graves?|bodies\s+(?:were\s+)?(?:found|discovered|exhumed)",
        0.7,
    ),
    Rule(
        "killing",
        S.ATTACK,
        rf"(?:killed|killing|killings\s+of|shot|murdered|murders?\s+of)\s+{_N}{{0,3}}"
        r"(?:civilians?|residents?|villagers|people|men|women|children|a\s+man|a\s+woman)"
        rf"|(?:dead|bodies\s+of)\s+{_N}?(?:civilians|residents|villagers|people)\b"
        r"|shot\s+dead|found\s+dead",
        0.6,
        weak=True,
    ),
    # Riots and protests.
    Rule("mob", S.MOB_VIOLENCE, r"\bmob\b|lynch(?:ed|ing)?|vigilantes?", 0.65),
    Rule("riot", S.VIOLENT_DEMONSTRATION, r"riot(?:s|ed|ing|ers)?\b", 0.7),
    Rule(
        "protest",
        S.PEACEFUL_PROTEST,
        r"protest(?:ed|ers|ors|s|ing)?\b|rall(?:y|ies|ied)\b|demonstrat(?:ion|ions|ors)\b"
        r"|(?-i:march(?:ed|es)?)\b|picket(?:ed|s)?\b",
        0.6,
    ),
    # Strategic developments read last.
    Rule(
        "arrest",
        S.ARRESTS,
        r"arrest(?:ed|s|ing)?\b|detain(?:ed|s|ing)?\b|taken\s+into\s+custody|apprehended",
        0.6,
    ),
    Rule(
        "looting",
        S.LOOTING_PROPERTY_DESTRUCTION,
        r"loot(?:ed|ing|s)?\b|pillag(?:ed|ing)|plunder(?:ed|ing)|torched"
        r"|set\s+(?:fire\s+to|on\s+fire|ablaze)|burn(?:ed|t)\s+down|vandali[sz]ed|demolished"
        rf"|blew\s+up\s+(?:a\s+|the\s+)?{_N}?(?:bridge|dam|building|railway|road)",
        0.6,
    ),
    # Generic words, kept only when nothing stronger is in the sentence.
    Rule(
        "strike",
        S.SHELLING_ARTILLERY_MISSILE,
        r"(?<!hunger )(?<!general )strikes?\b(?!\s+(?:action|committee))|struck\b",
        0.45,
        weak=True,
    ),
    Rule("blast", S.SHELLING_ARTILLERY_MISSILE, r"explosions?\b|blasts?\b", 0.4, weak=True),
    # Damage with no cause given: in war reporting nearly always from shelling; coded so,
    # with low confidence and the evidence saying the cause was not stated.
    Rule(
        "damage",
        S.SHELLING_ARTILLERY_MISSILE,
        r"damag(?:ed|e\s+to|ing)\b|destroyed\b|destruction\b|craters?\b|collapsed\b"
        r"|burn(?:ed|t)\s+out|on\s+fire\b|ablaze\b|aftermath\s+of",
        0.35,
        weak=True,
    ),
    # "the invaders attacked the village of X", "an attack on a farm": an attack on a
    # settlement or a civilian object, weapon unnamed, is remote violence the way coders
    # read official reports (the reader turns it back into the plain "attack" when the
    # sentence is about troops and assaults).
    Rule(
        ATTACK_ON_PLACE,
        S.SHELLING_ARTILLERY_MISSILE,
        rf"(?:attacked|attacking|assailed|assailing)\s+(?:the\s+|a\s+|an\s+)?{_N}{{0,1}}{_ATTACKED_OBJECTS}"
        rf"|attacks?\s+(?:on|in|against)\s+(?:the\s+|a\s+|an\s+)?{_N}{{0,2}}{_ATTACKED_OBJECTS}"
        # a count of attacks is a report, not a figure of speech: "launched 100 attacks
        # against Kherson Oblast", "attacked the region 66 times"
        r"|(?<=\d\s)attacks\s+(?:on|against|in)\b|attacked\s+(?:[\w'’-]+\s+){0,4}\d+\s+times\b"
        # the passive a governor's round-up lists places with: "the district centre and the
        # Marhanets community were also hit", "the Myrove and Pokrovske communities, along
        # with Nikopol itself, were affected" (not "affected by the outage")
        # "In Dnipro, Russian attacks killed one person", "the town came under heavy fire":
        # a daily round-up's words for strikes on a town ("came under attack" alone is not)
        r"|(?<=Russian\s)attacks?\s+(?:[\w.-]+\s+){0,8}?(?:killed|injured|wounded|killing|injuring"
        r"|wounding|damaged)\b"
        r"|came\s+under\s+(?:[\w-]+\s+){0,4}?(?:fire|shelling|shellfire|bombardment)\b"
        # "There were 324 arrivals over Orikhov": machine-translated "прильоти", hits
        r"|(?<=\d\s)arrivals\b|arrivals\s+(?:over|in|at|on)\b"
        # "the communities of Esman, Svesa and Shalyhyne were targeted"
        r"|(?:communities|villages|settlements|towns|hromadas|regions|areas|oblasts)\s+"
        r"(?:of|such\s+as|including)\s+(?:[\w'’-]+(?:\s+[\w'’-]+)?"
        r"(?:,\s*|,?\s+and\s+)){1,12}[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:were|have\s+been)\s+"
        r"(?:also\s+)?(?:hit|targeted|attacked)\b"
        rf"|{_ATTACKED_OBJECTS}{_ALONG_WITH},?\s+(?:was|were|have\s+been|has\s+been)\s+"
        r"(?:also\s+)?(?:hit|targeted|attacked"
        r"|affected(?!\s+by\s+(?:the\s+)?(?!attacks?|shelling|strikes?)))\b",
        0.45,
        weak=True,
        base_verb=True,
    ),
    # "attack drones", "attack helicopters" name weapons, not an attack
    Rule(
        "attack",
        S.ARMED_CLASH,
        r"(?:attack|assail)(?:ed|s|ing)?\b(?!\s+(?:drones?|UAVs?|helicopters?|aircraft|submarines?|jets?))",
        0.4,
        weak=True,
        base_verb=True,
    ),
)
