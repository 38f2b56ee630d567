"""Ukrainian trigger rules: the words that report an event, mapped to ACLED's taxonomy.

The same shape as :mod:`tracker.extract.lexicon.rules_en`: earlier rules win
where two match at one place, ``weak`` rules count only in a sentence where no
strong rule fired. Stems end in ``\\w*`` because Ukrainian inflects every noun
and verb ("обстріл", "обстрілу", "обстріляли"). Rules named in
:data:`WEAPON_NOUNS` name a weapon, not an act: they stand only in a sentence
that also has a verb of attack or harm ("дрон влучив", not "передали дрони").
"""

from __future__ import annotations

from tracker.extract.rule import Rule
from tracker.model import SubEventType as S

_AIRBORNE = (
    r"(?:[«\"“„]?\s*)?(?:дрон\w*|безпілотник\w*|БпЛА|БПЛА|шахед\w*|Shahed\w*|геран\w*|ракет(?:а|и|у|ою|ами|ах)?\b"
    r"|крилат\w+\s+ракет\w*|літак\w*|гелікоптер\w*|вертоліт\w*|цил\w*|повітрян\w+\s+ціл\w*)"
)
_Q = r"(?:[\w«»\"“”„-]+,?\s+){0,3}"  # up to three words: numbers, adjectives, quotes

RULES: tuple[Rule, ...] = (
    Rule(
        "shoot-down",
        S.DISRUPTED_WEAPONS_USE,
        rf"(?:збил\w*|збито|збив\w*|збиті|знешкодил\w*|знешкоджен\w*|перехопил\w*|перехоплен\w*"
        rf"|знищил\w*|знищено|знищені|знищив|ліквідува\w*|ліквідовано"
        # "збиття дронів фіксували у ... областях": the report's own noun
        rf"|(?<!для\s)збиття)\s+{_Q}{_AIRBORNE}"
        rf"|{_AIRBORNE},?\s+{_Q}(?:було\s+)?(?:збито|збили|знешкоджено|знешкодили|перехоплено"
        r"|знищено|знищили|локаційно\s+втрачен\w*|подавлен\w*|ліквідовано|ліквідували)"
        r"|протиповітрян\w+\s+бо\w+"
        r"|(?:протиповітрян\w+\s+оборон\w+|ППО|мобільн\w+\s+вогнев\w+\s+груп\w*)\s+"
        r"(?:працювал\w*|знищил\w*|збил\w*|відбил\w*|відпрацювал\w*)",
        0.8,
    ),
    Rule(
        "demining",
        S.DISRUPTED_WEAPONS_USE,
        r"розмінува\w*|знешкодил\w+\s+(?:вибухов\w+|боєприпас\w*|снаряд\w*)",
        0.6,
    ),
    Rule(
        "agreement",
        S.AGREEMENT,
        r"обмін\w*\s+полонен\w*|обміну\s+полонен\w*|(?:новий|черговий|черговому|новому|"
        r"нового|чергового)\s+обмін\w*|підписал\w*\s+(?:\w+\s+)?(?:угод\w*|меморандум\w*|договір)"
        r"|домовил\w+\s+про\s+(?:перемир\w*|припинення\s+вогню|обмін)",
        0.7,
    ),
    Rule(
        "mobilisation",
        S.CHANGE_TO_GROUP_ACTIVITY,
        r"(?:оголосил\w*|оголошено|оголошує)\s+(?:\w+\s+)?мобілізаці\w*",
        0.6,
    ),
    Rule(
        "withdrawal",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        r"(?:вийшл\w*|відійшл\w*|виведен\w*|відступил\w*)\s+з\s+(?:\w+\s+)?"
        r"(?:міст\w*|сел\w*|позиці\w*)",
        0.55,
    ),
    # Explosions/Remote violence.
    Rule(
        "chemical",
        S.CHEMICAL_WEAPON,
        r"хімічн\w+\s+(?:зброї|зброю|речовин\w*|боєприпас\w*)|хлорпікрин\w*|отруйн\w+\s+"
        r"(?:газ\w*|речовин\w*)",
        0.8,
    ),
    Rule(
        "ied",
        S.REMOTE_EXPLOSIVE,
        r"підірва\w+\s+на\s+(?:\w+\s+)?(?:міні|мінах|вибухов\w+|боєприпас\w*|снаряд\w*)"
        r"|підрив\w*\s+на\s+(?:\w+\s+)?(?:міні|вибухов\w+)|наїха\w+\s+на\s+(?:\w+\s+)?міну"
        r"|протитанков\w+\s+мін\w*|протипіхотн\w+\s+мін\w*|вибухонебезпечн\w+\s+предмет\w*"
        r"|вибухов\w+\s+пристр\w*|саморобн\w+\s+вибухов\w*|розтяжк\w*|нерозірван\w+\s+боєприпас\w*"
        r"|підірвал\w*\s+(?:\w+\s+)?(?:автомобіл\w*|авто|машин\w*|потяг\w*|колі\w*)",
        0.8,
    ),
    Rule(
        "air-strike",
        S.AIR_DRONE_STRIKE,
        r"авіаудар\w*|авіаційн\w+\s+(?:удар\w*|бомб\w*)|авіабомб\w*|(?-i:КАБ)(?:и|ів|ов|ами|ом)?\b|керован\w+\s+авіабомб\w*"
        r"|розбомбил\w*|бомбардуван\w*|бомбардува\w*|бомбами"
        r"|дронов\w+\s+удар\w*|удар\w*\s+(?:\w+\s+)?(?:дрон\w*|безпілотник\w*|БпЛА|FPV\w*)"
        r"|(?:дрон\w*|безпілотник\w*|БпЛА|FPV-дрон\w*)\s+(?:\w+\s+)?(?:атакува\w*|вдари\w*|влучи\w*"
        r"|уразил\w*|скинув|скинул\w*|поцілив|поцілил\w*|поціли\w*)|атак\w*\s+(?:\w+\s+){0,2}(?:дрон\w*|безпілотник\w*|БпЛА"
        r"|шахед\w*|геран\w*)|(?:атакувал\w*|атакуют\w*|вдарил\w*|вдарив|атакували)\s+"
        r"(?:\w+\s+){0,3}(?:дронами|безпілотниками|БпЛА|шахедами|FPV-дрон\w*)"
        # "скерували FPV-дрон на автомобіль": a drone sent at a target hit it
        r"|(?:скерува\w*|спрямува\w*)\s+(?:\w+\s+)?(?:FPV-?)?(?:дрон\w*|безпілотник\w*|БпЛА)",
        0.8,
    ),
    Rule(
        "drone",
        S.AIR_DRONE_STRIKE,
        r"дрон\w*|безпілотник\w*|БпЛА|БПЛА|FPV\w*|шахед\w*|Shahed\w*|герані|гераней|герань",
        0.6,
    ),
    Rule(
        "shelling",
        S.SHELLING_ARTILLERY_MISSILE,
        r"обстріл\w*|обстрілю\w*|обстріля\w*|ракетн\w+\s+(?:удар\w*|атак\w*|обстріл\w*)"
        r"|артилері\w*|артобстріл\w*|мінометн\w*|міномет\w*|РСЗВ|(?-i:Град(?:ами|и|ів|ов|у|а)?\b|Ураган\w*|Смерч\w*)"
        r"|Іскандер\w*|Калібр\w*|Кинджал\w*|С-300|С-400|балістичн\w+\s+ракет\w*|крилат\w+\s+ракет\w*"
        r"|під\s+(?:ворожим\s+)?вогнем|вогнем\s+уражен\w*|прильот\w*|влучан\w*|влучил\w*|влучив"
        r"|влучила|влучення\w*|(?:завда\w+|нан\w+)\s+(?:\w+\s+)?удар\w*|вдарил\w*|вдарив|вдарила"
        r"|поцілил\w*"
        # "били по Марганецькій громаді", "гатив по місту": hitting at a place
        r"|(?:би(?:в|ли|ла)|б['’]ють|вгати\w*|гати(?:в|ли|ть)|ціли(?:в|ли))\s+(?:\w+\s+){0,3}по\b"
        # "випустили 10 мін по селу": the count of rounds fired, the usual OVA phrasing
        r"|випусти\w*\s+(?:\w+\s+){0,2}(?:мін|міни|снаряд\w*|ракет\w*)",
        0.75,
    ),
    Rule("missile", S.SHELLING_ARTILLERY_MISSILE, r"ракет(?:а|и|у|ою|ами|ах)?\b", 0.6),
    # Battles.
    Rule(
        "recapture",
        S.GOVERNMENT_REGAINS_TERRITORY,
        r"звільнил\w*|звільнено|деокупува\w*"
        r"|відтісни\w*|повернул\w*\s+(?:під\s+)?контрол\w*|взят\w*\s+під\s+контроль"
        r"|взяли\s+під\s+контроль|взято\s+під\s+контроль|підняли\s+(?:\w+\s+)?(?:прапор|стяг)",
        0.75,
    ),
    Rule(
        "capture",
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        r"захопил\w*\s+(?!(?:в|у)\s+полон)|захоплен\w*\s+(?:сел\w*|міст\w*)|окупувал\w*"
        r"|встановил\w*\s+(?:повн\w+\s+)?контроль|зайшл\w*\s+(?:в|у|до)\s+(?:сел\w*|міст\w*)"
        r"|оволоділ\w*|оволодін\w+\s+(?:сел\w*|міст\w*|населен\w*|селищ\w*)",
        0.7,
    ),
    Rule(
        "clash",
        S.ARMED_CLASH,
        r"бо[їйю]\b|бій\b|боях|боями|бойов\w+\s+(?:зіткнен\w*|дій|дії|діях)|зіткнен\w*|штурм(?!овик)\w*"
        r"|(?:контр)?наступ\w*|контратак\w*|атак\w*\s+(?:ворога|противника|окупантів|росіян)"
        # "відбили 4 російські атаки": a count and an adjective may stand between
        # "по одній атаці": the stem's к turns ц before і (атака, атаці)
        r"|відбил\w*\s+(?:\w+\s+){0,2}(?:ата[кц]\w*|штурм(?!овик)\w*|наступ\w*)"
        r"|відбива\w+\s+(?:\w+\s+){0,2}ата[кц]\w*|відбит\w*\s+(?:\w+\s+){0,2}ата[кц]\w*|стриму\w+|утриму\w+\s+(?:\w+\s+){0,3}(?:позиці\w*|частин\w*|лінію|оборону)"
        r"|спроб\w*\s+прорив\w*|прорив\w*|просуван\w*|просунул\w*|пошуково-штурмов\w*"
        r"|ліквідаці\w+\s+осередк\w*|стрілец\w+\s+бо\w*|вогнев\w+\s+контакт\w*"
        # the General Staff's ground assaults: "25 спроб потіснити наших воїнів із займаних
        # позицій", "намагався вклинитися в нашу оборону", "намагається просунутися"
        r"|спроб\w*\s+(?:потіснити|вклинитися|просунутися|прорвати|штурмувати)"
        r"|намага\w+\s+(?:\w+\s+)?(?:потіснити|вклинитися|просунутися|прорвати|штурмувати)"
        # "тричі зупинили спроби ворога", "намагалися відновити втрачене положення"
        r"|зупинил\w*\s+(?:\w+\s+){0,2}(?:спроб\w*|ата[кц]\w*|штурм\w*|наступ\w*)"
        r"|намага\w+\s+(?:\w+\s+)?відновити\s+(?:\w+\s+)?(?:положенн\w*|позиці\w*)"
        # "у спробах взяти під свій контроль Попасну": a capture attempted is the battle
        r"|(?:спроб\w*|намага\w+)\s+(?:\w+\s+)?(?:взяти\s+під\s+(?:свій\s+)?контроль|захопити"
        r"|оточити)",
        0.7,
    ),
    # Violence against civilians.
    Rule(
        "sexual-violence",
        S.SEXUAL_VIOLENCE,
        r"зґвалтува\w*|згвалтува\w*|сексуальн\w+\s+насильств\w*",
        0.75,
    ),
    Rule(
        "abduction",
        S.ABDUCTION,
        r"викра\w+|викраден\w*|(?:захопил\w*|взял\w*)\s+(?:\w+\s+){0,3}(?:в|у)\s+полон"
        r"|депортува\w*|примусов\w+\s+(?:вивез\w*|депортаці\w*)|заручник\w*",
        0.75,
    ),
    Rule(
        "execution",
        S.ATTACK,
        r"розстріля\w*|розстріл\w*|страти\w*|катува\w*|закатува\w*|масов\w+\s+поховання",
        0.7,
    ),
    # Deaths in a tally ("росіяни вбили 5 мирних жителів: 2 у Бахмуті ...") come from
    # shelling in this war's daily reporting far more often than from shooting: coded as
    # shelling, weak, so any named weapon or an execution word wins.
    Rule(
        "killing",
        S.SHELLING_ARTILLERY_MISSILE,
        r"(?:вбил|убил)\w*\s+(?:\w+\s+){0,2}(?:цивільн\w*|мирн\w*|жител\w*|мешкан\w*|людей"
        r"|людину)",
        0.6,
        weak=True,
    ),
    # Riots and protests.
    Rule("riot", S.VIOLENT_DEMONSTRATION, r"заворушен\w*|погром\w*", 0.7),
    Rule(
        "protest",
        S.PEACEFUL_PROTEST,
        r"мітинг\w*|акці\w+\s+протест\w*|протест\w*|пікет\w*",
        0.6,
    ),
    # Strategic developments read last.
    Rule("arrest", S.ARRESTS, r"затрима\w+|заарештува\w*|арештува\w*", 0.6),
    Rule(
        "looting", S.LOOTING_PROPERTY_DESTRUCTION, r"мародерствува\w*|пограбува\w*|підпалил\w*", 0.6
    ),
    # Generic words, kept only when nothing stronger is in the sentence.
    Rule(
        "strike", S.SHELLING_ARTILLERY_MISSILE, r"удар\w*|атакува\w*|атакувал\w*", 0.45, weak=True
    ),
    Rule("blast", S.SHELLING_ARTILLERY_MISSILE, r"вибух\w*", 0.4, weak=True),
    Rule(
        "damage",
        S.SHELLING_ARTILLERY_MISSILE,
        r"пошкоджен\w*|пошкодил\w*|зруйнован\w*|зруйнув\w*|руйнуван\w*|знищен\w*|пожеж\w*"
        # "посічені дахи", "вибиті вікна": shrapnel and blast, in a round-up
        r"|посічен\w*|вибит\w*\s+(?:\w+\s+)?(?:вікна|вікон|скл\w*)",
        0.35,
        weak=True,
    ),
    Rule("attack", S.ARMED_CLASH, r"атак\w*", 0.4, weak=True),
)

WEAPON_NOUNS = frozenset({"drone", "missile"})
