"""Russian trigger rules: the words that report an event, mapped to ACLED's taxonomy.

The same shape as :mod:`tracker.extract.lexicon.rules_uk`. Russian sources
report both sides' actions ("ВСУ атаковали", "уничтожен склад"), so the rules
name acts; who acted is read by the actor tables.
"""

from __future__ import annotations

from tracker.extract.rule import Rule
from tracker.model import SubEventType as S

_AIRBORNE = (
    r"(?:[«\"“„]?\s*)?(?:дрон\w*|беспилотник\w*|БпЛА|БПЛА|шахед\w*|геран\w*|ракет(?:а|ы|у|ой|ами|ах)?\b"
    r"|крылат\w+\s+ракет\w*|самол[её]т\w*|вертол[её]т\w*|воздушн\w+\s+цел\w*|летательн\w+\s+"
    r"аппарат\w*)"
)
_Q = r"(?:[\w«»\"“”„-]+,?\s+){0,3}"

RULES: tuple[Rule, ...] = (
    Rule(
        "shoot-down",
        S.DISRUPTED_WEAPONS_USE,
        rf"(?:сбил\w*|сбит\w*|перехвач\w*|перехватил\w*|уничтожил\w*|уничтожен\w*|подавлен\w*"
        rf"|нейтрализова\w*)\s+{_Q}{_AIRBORNE}"
        rf"|{_AIRBORNE},?\s+{_Q}(?:был[оаи]?\s+)?(?:сбиты|сбит\w*|сбили|перехвачен\w*|перехватили"
        r"|уничтожен\w*|уничтожили|подавлен\w*|нейтрализован\w*)"
        r"|противовоздушн\w+\s+бо\w+"
        r"|(?:ПВО|противовоздушн\w+\s+оборон\w+|дежурн\w+\s+средств\w+\s+ПВО)\s+"
        r"(?:работал\w*|уничтожил\w*|сбил\w*|отразил\w*)",
        0.8,
    ),
    Rule("demining", S.DISRUPTED_WEAPONS_USE, r"разминирова\w*|обезвредил\w+\s+взрывн\w+", 0.6),
    Rule(
        "agreement",
        S.AGREEMENT,
        r"обмен\w*\s+(?:пленн\w*|военнопленн\w*)|(?:новый|очередной|нового|очередного)\s+обмен\w*"
        r"|подписал\w*\s+(?:\w+\s+)?(?:соглашени\w*|меморандум\w*|договор\w*)"
        r"|договорил\w+\s+о\s+(?:перемири\w*|прекращении\s+огня|обмене)",
        0.7,
    ),
    Rule(
        "mobilisation",
        S.CHANGE_TO_GROUP_ACTIVITY,
        r"(?:объявил\w*|объявлен\w*)\s+(?:\w+\s+)?мобилизаци\w*",
        0.6,
    ),
    Rule(
        "withdrawal",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        r"(?:вышл\w*|отошл\w*|выведен\w*|отступил\w*)\s+из\s+(?:\w+\s+)?"
        r"(?:город\w*|сел\w*|позици\w*)",
        0.55,
    ),
    # Explosions/Remote violence.
    Rule(
        "chemical",
        S.CHEMICAL_WEAPON,
        r"химическ\w+\s+(?:оружи\w*|веществ\w*|боеприпас\w*)|хлорпикрин\w*|отравляющ\w+\s+"
        r"веществ\w*",
        0.8,
    ),
    Rule(
        "ied",
        S.REMOTE_EXPLOSIVE,
        r"подорвал\w*\s+на\s+(?:\w+\s+)?(?:мине|минах|взрывн\w+|боеприпас\w*|снаряд\w*)"
        r"|подрыв\w*\s+на\s+(?:\w+\s+)?(?:мине|взрывн\w+)|наех\w+\s+на\s+(?:\w+\s+)?мину"
        r"|взорвал\w*\s+на\s+(?:\w+\s+){0,2}(?:мине|взрывн\w+\s+предмет\w*|боеприпас\w*)"
        r"|противотанков\w+\s+мин\w*|противопехотн\w+\s+мин\w*|взрывоопасн\w+\s+предмет\w*"
        r"|взрывн\w+\s+устройств\w*|самодельн\w+\s+взрывн\w*|растяжк\w*|неразорвавш\w+"
        r"|подорвал\w*\s+(?:\w+\s+)?(?:автомобил\w*|машин\w*|поезд\w*|железнодорожн\w*)",
        0.8,
    ),
    Rule(
        "air-strike",
        S.AIR_DRONE_STRIKE,
        r"авиаудар\w*|авиационн\w+\s+(?:удар\w*|бомб\w*)|авиабомб\w*|(?-i:КАБ)(?:и|ів|ов|ами|ом)?\b|управляем\w+\s+"
        r"авиабомб\w*|разбомбил\w*|бомбардировк\w*|бомбил\w*"
        r"|удар\w*\s+(?:\w+\s+)?(?:дрон\w*|беспилотник\w*|БпЛА|БПЛА|FPV\w*)"
        r"|(?:дрон\w*|беспилотник\w*|БпЛА|БПЛА|FPV-дрон\w*)\s+(?:\w+\s+)?(?:атаковал\w*|ударил\w*"
        r"|попал\w*|поразил\w*|сбросил\w*|угодил\w*)|атак\w*\s+(?:\w+\s+){0,2}(?:дрон\w*|беспилотник\w*"
        r"|БпЛА|БПЛА|шахед\w*|геран\w*)|(?:атаковал\w*|ударил\w*)\s+(?:\w+\s+){0,3}"
        r"(?:дронами|беспилотниками|БпЛА|шахедами|FPV-дрон\w*)|попадани\w*\s+[«\"“„]?геран\w*",
        0.8,
    ),
    Rule(
        "drone",
        S.AIR_DRONE_STRIKE,
        r"дрон\w*|беспилотник\w*|БпЛА|БПЛА|FPV\w*|шахед\w*|герани|гераней|герань",
        0.6,
    ),
    Rule(
        "shelling",
        S.SHELLING_ARTILLERY_MISSILE,
        r"обстрел\w*|обстрелива\w*|обстрелял\w*|ракетн\w+\s+(?:удар\w*|атак\w*|обстрел\w*)"
        r"|артиллери\w*|артобстрел\w*|минометн\w*|миномет\w*|РСЗО|(?-i:Град(?:ами|ы|ов|у|а)?\b|Ураган\w*|Смерч\w*)"
        r"|Искандер\w*|Калибр\w*|Кинжал\w*|С-300|С-400|баллистическ\w+\s+ракет\w*"
        r"|крылат\w+\s+ракет\w*|под\s+(?:вражеским\s+)?огн[её]м|прил[её]т\w*|попадани\w*"
        r"|выпусти\w*\s+(?:\w+\s+){0,2}(?:мин|мины|снаряд\w*|ракет\w*)"
        r"|попал\w*\s+(?:в|по)\b|(?:нанес\w*|нанос\w*|наносить)\s+(?:\w+\s+)?удар\w*"
        r"|(?:были\s+)?нанесены\s+(?:\w+\s+)?(?:удар\w*|обстрел\w*)|ударил\w*|ударили"
        r"|уничтожен\w*\s+(?:\w+\s+)?(?:арсенал\w*|склад\w*|пусков\w+|техник\w*|ЗРК|позици\w*)"
        r"|уничтожени\w*\s+(?:\w+\s+){0,3}(?:арсенал\w*|склад\w*|пусков\w+|техник\w*|ЗРК)"
        r"|поражен\w*\s+(?:\w+\s+)?(?:цел\w*|объект\w*|склад\w*)"
        # "били по громаде", "бьют по городу": hitting at a place
        r"|(?:бил(?:и|а)?|бьют)\s+(?:\w+\s+){0,3}по\b",
        0.75,
    ),
    Rule("missile", S.SHELLING_ARTILLERY_MISSILE, r"ракет(?:а|ы|у|ой|ами|ах)?\b", 0.6),
    # Battles.
    Rule(
        "recapture",
        S.GOVERNMENT_REGAINS_TERRITORY,
        r"освободил\w*|освобожден\w*\s+(?:сел\w*|город\w*|населенн\w*|поселок\w*)"
        r"|деоккупирова\w*|отбил\w*\s+(?:сел\w*|город\w*)"
        r"|вернул\w*\s+(?:под\s+)?контрол\w*|взял\w*\s+под\s+контроль|взят\w*\s+под\s+контроль",
        0.75,
    ),
    Rule(
        "capture",
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        r"захватил\w*\s+(?!в\s+плен)|захвачен\w*\s+(?:сел\w*|город\w*)|оккупировал\w*"
        r"|установил\w*\s+контроль|зашл\w*\s+в\s+(?:сел\w*|город\w*)",
        0.7,
    ),
    Rule(
        "clash",
        S.ARMED_CLASH,
        r"бо[йяи]\b|бо[её]в\b|боях|боями|боев\w+\s+(?:столкновен\w*|действ\w*)|столкновен\w*"
        r"|штурм(?!овик)\w*|наступлени\w*|наступа\w*"
        # "отразили 4 российские атаки": a count and an adjective may stand between
        r"|отразил\w*\s+(?:\w+\s+){0,2}(?:атак\w*|штурм(?!овик)\w*|наступлени\w*)"
        r"|отбил\w*\s+(?:\w+\s+){0,2}атак\w*|(?:отражен|отбит)\w*\s+(?:\w+\s+){0,2}атак\w*|прорыв\w*|продвижени\w*"
        r"|продвинул\w*|стрелков\w+\s+бо\w*|огнев\w+\s+контакт\w*|вооруж[её]нн\w+\s+групп\w*",
        0.7,
    ),
    # Violence against civilians.
    Rule("sexual-violence", S.SEXUAL_VIOLENCE, r"изнасилова\w*|сексуальн\w+\s+насили\w*", 0.75),
    Rule(
        "abduction",
        S.ABDUCTION,
        r"похити\w*|похищ\w*|(?:захватил\w*|взял\w*)\s+(?:\w+\s+){0,3}в\s+плен"
        r"|депортирова\w*|принудительн\w+\s+(?:вывез\w*|депортаци\w*)|заложник\w*",
        0.75,
    ),
    Rule(
        "execution",
        S.ATTACK,
        r"расстреля\w*|расстрел\w*|казн\w*|пыта\w*|пытк\w*|массов\w+\s+захоронени\w*",
        0.7,
    ),
    # As in Ukrainian: deaths in a tally are from shelling more often than from shooting.
    Rule(
        "killing",
        S.SHELLING_ARTILLERY_MISSILE,
        r"убил\w*\s+(?:\w+\s+){0,2}(?:мирн\w*|жител\w*|граждан\w*|людей|человека)",
        0.6,
        weak=True,
    ),
    # Riots and protests.
    Rule("riot", S.VIOLENT_DEMONSTRATION, r"беспорядк\w*|погром\w*", 0.7),
    Rule("protest", S.PEACEFUL_PROTEST, r"митинг\w*|акци\w+\s+протест\w*|протест\w*|пикет\w*", 0.6),
    # Strategic developments read last.
    Rule("arrest", S.ARRESTS, r"задержа\w+|арестова\w*", 0.6),
    Rule(
        "looting",
        S.LOOTING_PROPERTY_DESTRUCTION,
        r"мародерствова\w*|ограбил\w*|поджог\w*|подожгл\w*",
        0.6,
    ),
    # Generic words, kept only when nothing stronger is in the sentence.
    Rule(
        "strike", S.SHELLING_ARTILLERY_MISSILE, r"удар\w*|атаковал\w*|атакова\w*", 0.45, weak=True
    ),
    Rule("blast", S.SHELLING_ARTILLERY_MISSILE, r"взрыв\w*", 0.4, weak=True),
    Rule(
        "damage",
        S.SHELLING_ARTILLERY_MISSILE,
        r"поврежд\w*|поврежден\w*|разрушен\w*|разрушил\w*|уничтожен\w*|пожар\w*|горит|загорел\w*",
        0.35,
        weak=True,
    ),
    Rule("attack", S.ARMED_CLASH, r"атак\w*", 0.4, weak=True),
)

WEAPON_NOUNS = frozenset({"drone", "missile"})
