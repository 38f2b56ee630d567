"""English context words: what marks a mention of violence as no event (see ``context``)."""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Whole sentences that report no event of their own.
SENTENCE_FILTERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a photo caption",
        re.compile(
            r"\((?:[^()]{0,80}\b)?(?:photos?|images?|pictures?|illustrative|ilustrative|"
            r"screenshot|video|footage|credit)\b[^()]{0,120}\)|\bvia\s+Getty\s+Images\b|"
            # "The aftermath of strikes against X, Oct. 4, 2023. (Source: Governor Y)"
            r"\(\s*Source\s*:[^()]{1,120}\)\s*$|"
            r"^\W*(?:The\s+)?aftermath\s+of\b[^.]{0,200},\s+(?:January|February|March|April|May|"
            r"June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
            r"Sept?|Oct|Nov|Dec)\.)\s+\d{1,2},\s+\d{4}\.?\s*$|"
            r"\bGetty\s+Images\)|\(AP\s+Photo|/\s*(?:AFP|Reuters|AP|EPA|Anadolu)\s*\)|"
            r"\bPhoto(?:graph)?\s*:\s*[A-Z][\w. /-]{0,40}$|"
            # "Rescuers work at the site ... in central Kyiv, Ukraine, on December 20, 2024."
            r",\s+Ukraine,?\s+(?:on\s+)?(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
            r"Dec)\.)\s+\d{1,2},\s+\d{4}\.?\s*$|"
            # "... damaged by shelling, Okhtyrka, Sumy Oblast, northeastern Ukraine."
            r",\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+[A-Z][\w'’-]+\s+(?:Oblast|[Rr]egion),\s+"
            r"(?:\w+ern\s+)?Ukraine\.?\s*$",
            _I,
        ),
    ),
    (
        "a habit or pattern, not one event",
        re.compile(
            r"\b(?:daily|weekly|everyday)\s+occurrence|\bon\s+a\s+daily\s+basis\b|"
            r"\b(?:almost|nearly)\s+every\s+(?:day|night)\b|\bper\s+day\b|\bregularly\b|"
            r"\broutinely\b|\bsystematically\b|\bconstantly\b|\btime\s+and\s+again\b|"
            r"\bsporadic(?:ally)?\b|"
            r"\boccasional(?:ly)?\b|\bfrom\s+time\s+to\s+time\b|"
            # "rocket systems that have been used by Ukraine to wreak havoc": what a weapon
            # does in general, not one strike
            r"\b(?:have|has)\s+been\s+used\s+(?:by\s+[\w\s]{1,30}?\s+)?to\b|"
            r"\b(?:the|a)\s+scene\s+of\b|"
            # "Sevastopol has already been attacked by drones several times", "for weeks the
            # army has been shelling", "over the last month": a tally of a campaign
            r"\b(?:has|have)\s+(?:already\s+)?been\s+(?:[\w-]+\s+){0,4}?(?:several|many|multiple|"
            r"numerous|countless|dozens\s+of|hundreds\s+of|\d+)\s+times\b|"
            r"\bover\s+the\s+(?:last|past)\s+(?:month|weeks|months|year|years)\b|"
            # "There are cases when the enemy gains ground due to intense shelling"
            r"\bthere\s+(?:are|were|have\s+been)\s+(?:\w+\s+)?cases\s+(?:when|where|in\s+which)\b|"
            # "as Moscow continues its relentless assault on the region", "the attack is yet
            # another reminder of the toll": the campaign and commentary, not one event
            r"\b(?:continues?|continued|continuing)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}"
            r"(?:assault|onslaught|offensive|bombardment|campaign|war|aggression|bombing|shelling"
            r"|strikes|attacks)\s+(?:on|against|of)\b|"
            # "Russia has been pounding Odesa since it quit the deal": a campaign, unless its
            # start is the same night ("since early morning")
            r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:pounding|shelling|bombing|bombarding|hammering|targeting"
            r"|attacking|striking)\b(?!.*\bsince\s+(?:early|dawn|midnight|this\s+morning|the\s+"
            r"morning|last\s+night|the\s+night|the\s+early|\d))|"
            r"\b(?:yet\s+)?another\s+(?:grim\s+|stark\s+)?reminder\s+of\b|"
            r"\b(?:continues?|continued|continuing|keeps?|kept)\s+to\s+(?:destroy|kill|terrori[sz]e|"
            r"target|hit|shell|attack|strike|bomb|pound|ravage)\w*|"
            # "the enemy keeps shelling us": a soldier's everyday, not one strike
            r"\b(?:keeps?|kept|keeping)\s+(?:on\s+)?(?:shelling|attacking|striking|bombing|hitting|"
            r"pounding|targeting|firing)\b|"
            r"\b(?:daily|nightly|regular|constant|frequent|repeated|continuous|relentless)\s+"
            r"(?:\w+\s+){0,3}(?:strikes|attacks|shelling|bombardments?|raids)\b|\bhas\s+(?:long\s+)?been\s+(?:a\s+)?(?:target|focus)\b|"
            # "Russian troops use the spit for attacks on the south": a base, not a strike
            r"\b(?:use|uses|using)\s+(?:[\w'’-]+\s+){1,6}(?:for|to\s+launch)\s+(?:the\s+)?"
            r"(?:attacks|strikes|shelling|raids)\b",
            _I,
        ),
    ),
    (
        "the war's history, not today's event",
        re.compile(
            r"\b(?:since|at|from)\s+the\s+(?:very\s+)?(?:start|beginning|outset|first\s+days?)\s+"
            r"of\s+(?:the\s+|a\s+|its\s+)?(?:full-scale\s+|large-scale\s+|Russian\s+|Russia's\s+)?"
            r"(?:war|invasion|occupation|conflict|offensive)|"
            r"\bsince\s+(?:Russia|Moscow|Ukraine|Kyiv|Kiev)\s+(?:began|launched|started)\b|"
            r"\bsince\s+(?:the\s+)?(?:full-scale\s+)?invasion\b|"
            # a tally since a turning point: "since the liberation, shelling has killed 246"
            r"\bsince\s+(?:the|its)\s+(?:liberation|de-?occupation|withdrawal|retreat)\b|"
            r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?year\b|"
            # "Since this summer, sabotage groups have entered the city": a season's story
            r"\bsince\s+(?:this|last|the)\s+(?:summer|spring|autumn|fall|winter)\b|"
            # "The army recently recaptured the village after weeks of fighting": an earlier
            # story told as background, its day not given
            r"\b(?:army|forces|troops|military|units|Ukraine|Russia|Kyiv|Moscow)\s+(?:had\s+|has\s+)?"
            r"recently\s+(?:re)?(?:captured|took|liberated|seized|retook|regained)\b|"
            r"\bin\s+the\s+(?:first|early|opening)\s+(?:few\s+)?(?:days|weeks|months|phase)\s+of\b|"
            r"\bthroughout\s+the\s+(?:war|invasion|occupation)\b|"
            r"\b(?:during|in)\s+(?:World\s+War|the\s+Second\s+World|the\s+Soviet)\b",
            _I,
        ),
    ),
    (
        "a link to another story",
        re.compile(
            r"^\s*(?:Read\s+(?:also|more)|Also\s+read|See\s+also|Related(?:\s+(?:news|story))?"
            r"|More\s+on\s+this|Watch)\s*:",
            _I,
        ),
    ),
    ("an anniversary or memorial", re.compile(r"\banniversar\w+|\bcommemorat\w+|\bmemorial\b", _I)),
    (
        # "A gas explosion destroyed two floors, killing one", "a methane blast at the mine": an
        # accident whose cause the sentence names is no attack, unless the sentence also names
        # a weapon or an attack ("the missile hit the house, causing a gas explosion")
        "an accident, not an attack",
        re.compile(
            r"^(?!(?s:.*)\b(?:missiles?|drones?|UAVs?|shell(?:s|ed|ing)|strikes?|struck|rockets?|"
            r"bomb\w*|artillery|attack\w*|Shaheds?|sabotage|saboteurs?)\b)(?s:.*?)"
            r"(?:\b(?:(?:household|domestic|natural)\s+)?(?:gas|methane|gas[-\s]cylinder|boiler|"
            r"fireworks?|coal[-\s]dust)\s+(?:explosions?|blasts?|leaks?)\b|\bgas\s+leak\b|"
            r"\bshort[-\s]circuit\b|\b(?:industrial|workplace|mining|traffic|road)\s+accidents?\b)",
            _I,
        ),
    ),
    # "If Russia says yes, we will have to determine who monitors small arms fire": a
    # condition imagined, not an event reported
    ("a condition, not an event", re.compile(r"^\W*(?:If|Unless)\b", _I)),
    ("an exercise", re.compile(r"\b(?:drills?|military\s+exercises?|war\s+games)\b", _I)),
)

# Words that take only their own clause out: "sanctions over the shelling of X, while
# missiles hit Y" still reports the strike on Y.
CLAUSE_FILTERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sanctions", re.compile(r"\bsanction(?:s|ed|ing)?\b", _I)),
    (
        "weapons supplied, produced or paid for",
        re.compile(
            r"\b(?:aid|package|deliver(?:y|ies|ed|ing|s)?|suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|"
            r"shipments?|donat(?:e|ed|es|ing|ion|ions)|pledg(?:e|ed|es)|procure\w*|purchas\w*|"
            r"bought|buy(?:s|ing)?|produc(?:e|es|ed|ing|tion)|manufactur\w*|factor(?:y|ies)|"
            r"contracts?|exports?|imports?|worth|bound\s+for|"
            r"military\s+assistance|arms\s+(?:deal|sales?)|training|trained|\$\s?\d|"
            # "the new missiles will be used to shoot down helicopters": what a weapon is for
            r"(?:will|would|can|could|to)\s+be\s+used\s+(?:to|for|against)|"
            r"(?:ammunitions?|munitions|rounds|shells|missiles|rockets)\s+for\s+(?:the\s+)?[A-Z]|"
            r"capabilit(?:y|ies)|(?:sent|send|sends|sending|shipped|given|handed|transferred)\s+"
            r"to\s+(?:Ukraine|Kyiv|the\s+Ukrainian)|"
            r"(?:million|billion)\s+(?:dollars|euros))\b",
            _I,
        ),
    ),
    (
        "a threat, risk or forecast",
        re.compile(
            r"\b(?:threat|risk|danger|fears?|warnings?|possibility|prospect|likelihood|chance)s?\s+"
            r"of\b|\b(?:likely|unlikely|expected|poised|set|able|"
            r"rush(?:es|ed|ing)?|hurr(?:y|ies|ied|ying)|scrambl(?:e|es|ed|ing))\s+to\b"
            # "attempted to break through the defences", "tried to storm X": an assault made
            # (and beaten back), a battle, not a plan
            r"|\b(?:trying|try|tried|attempt(?:s|ed|ing)?)\s+to\b"
            r"(?!\s+(?:break\s+through|storm|attack|assault|advance|push\s+through|infiltrate))"
            r"|\bin\s+case\s+of\b|\bprepar(?:e|es|ed|ing)\s+for\b|"
            # "Russian forces planning to relaunch an offensive", "highly unlikely that ..."
            r"\bplan(?:s|ned|ning)?\s+to\b|\bprepar(?:e|es|ed|ing)\s+to\b|"
            # "Russia may start its offensive on X", "strikes intended to force Kyiv to ...":
            # a possibility or a purpose, not what happened ("may have" stays a report)
            # "positions Russia for possible advances on Kramatorsk", "opens the way to"
            r"\b(?:possible|potential|future)\s+(?:\w+\s+)?(?:advances?|offensives?|assaults?|"
            r"attacks?|strikes?|push(?:es)?)\b|\bpotentially\b|\bpositions?\s+(?:[\w'’-]+\s+){1,4}for\b"
            r"|\b(?:paves?|paving|opens?|opening)\s+the\s+way\b|\bspringboard\b|"
            r"\b(?:may|might|could)\s+(?:\w+\s+)?(?:start|begin|launch|need|try|attempt|seek|resume"
            r"|intensify|conduct|mount|attack|strike|target|push|advance|encircle|capture|take"
            r"|seize|storm|use)\b|\b(?:intended|designed|meant|aimed)\s+to\b|"
            r"\b(?:un)?likely\s+that\b|\bin\s+preparation\s+for\b|"
            r"\bpredict(?:s|ed|ing|ion|ions)?\b|\bestimat(?:e|es|ed|ing)\b|\bforecasts?\b|\bprojected\b|\bscenarios?\b|"
            r"\bwill\s+likely\b|\blikely\s+(?:evolution|course|to)\b|"
            # "is due to meet", not "killed due to a drone attack" (a cause)
            r"\bdue\s+to\s+(?:be|meet|arrive|visit|hold|take|start|begin|vote|sign|open|launch"
            r"|deliver|receive|travel|speak|announce|make|give|get|go|come|return)\b|"
            # "will aim to build on its victory by recapturing more land in coming weeks"
            r"\bwill\s+(?:aim|seek|try|attempt|look|want|need|plan)\s+to\b|"
            r"\bin\s+(?:the\s+)?coming\s+(?:days|weeks|months)\b|"
            # "its capture would facilitate Russian advances": a consequence imagined
            r"\bwould\s+(?:\w+ly\s+)?(?:facilitate|allow|enable|open|give|let|help|pave|"
            r"mean|make\s+it\s+easier|clear\s+the\s+way)\b",
            _I,
        ),
    ),
    (
        # "thus reducing the shelling of the city", "to curb the attacks": less of a
        # campaign, not one strike
        "violence that lessens or ends",
        re.compile(
            r"\b(?:reduc|decreas|lessen|curb|halt|prevent)\w*\s+(?:the\s+|its\s+|their\s+)?"
            r"(?:[\w-]+\s+){0,2}(?:shelling|strikes|attacks|bombardments?|raids)\b|"
            # "securing the military from Ukrainian attacks", "to protect cities from strikes"
            r"\b(?:secur|protect|shield|guard)\w*\s+(?:[\w-]+\s+){0,3}(?:from|against)\s+"
            r"(?:[\w-]+\s+){0,2}(?:shelling|strikes|attacks|bombardments?|raids|fire)\b",
            _I,
        ),
    ),
    (
        "a denial",
        re.compile(
            r"\b(?:denied|denies|deny|refuted|refutes|dismissed\s+(?:reports|claims))\b", _I
        ),
    ),
    (
        # "after months of heavy fighting": a campaign summed up, not a day's battle
        "a campaign of months or weeks",
        re.compile(
            r"\b(?:months|weeks|years)\s+of\s+(?:\w+\s+)?(?:fighting|battles?|shelling|"
            r"bombardments?|siege|combat|assaults?|strikes)\b",
            _I,
        ),
    ),
    (
        # "capturing the region is a battlefield priority for Moscow"
        "a goal or priority",
        re.compile(r"\b(?:priority|priorities|objective|objectives)\b", _I),
    ),
    (
        # "soldiers who had helped stop a Russian offensive", "losses not seen since the
        # bloody battle for Bakhmut": what happened before the story, told in passing
        "an earlier battle told in passing",
        re.compile(
            r"\b(?:who|which|that)\s+had\s+(?:been\s+|already\s+)?[a-z]+(?:ed|en|t|ht)\b|"
            # "soldiers who defended Mariupol, which suffered a brutal assault": their story
            r"\b(?:who|which|that)\s+(?:once\s+)?(?:defended|suffered|endured|survived|withstood)\b|"
            r"\bsince\s+the\s+(?:[\w-]+\s+){0,3}(?:battles?|fighting|assaults?|offensive|siege"
            r"|capture|fall|liberation|invasion)\b",
            _I,
        ),
    ),
    (
        # "Ukraine previously struck the same bridge", "the port, which has suffered a string
        # of attacks": the story's background, not its event
        "an earlier attack told as background",
        re.compile(
            r"\bpreviously\s+(?:been\s+)?(?:struck|hit|attacked|targeted|shelled|bombed|damaged|"
            r"captured|seized|took)\b|"
            r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:suffered|endured|seen|faced|weathered)\s+(?:a\s+)?"
            r"(?:string|series|spate|wave|number|succession)\s+of\b",
            _I,
        ),
    ),
    (
        # "the devastated city captured by Russia last year": a clause about the past
        "an earlier year",
        re.compile(
            r"\b(?:last|previous|past)\s+year\b|\b(?:a|one|two|three|\d+)\s+years?\s+ago\b", _I
        ),
    ),
)

# Figures of speech built from conflict words.
IDIOMS = re.compile(
    r"\b(?:fight(?:ing|s)?|fought|battl(?:e|es|ing))\s+(?:for|against)\s+(?:the\s+)?"
    r"(?:democracy|freedom|independence|survival|justice|truth|votes?|corruption|power|"
    r"homeland|motherland|fatherland|"
    r"(?:their|its|his|her|your|my)\s+(?:country|land|homeland|motherland|future|lives|people)|"
    r"our\s+\w+|Ukraine|peace|rights?)\b|"
    r"\b(?:diplomatic|charm|PR|propaganda|information|media|legal|political)\s+"
    r"(?:offensive|war|battle|attacks?|front)\b|\bcyber-?\s*attacks?\b|"
    r"\bstrik(?:e|es|ing)\s+(?:a|the)\s+(?:deal|balance|chord|note|tone|pose)\b|"
    r"\bhit\s+(?:hard\s+by|the\s+(?:headlines|market|road|shelves))\b|"
    r"\b(?:under|on\s+the)\s+attack\s+(?:from|by)\s+(?:critics|opponents|the\s+press)\b|"
    r"\bsearch-and-strike\b|\bstrike-and-search\b|\bbombed\s+out\b|"
    r"\bpush(?:ed|es|ing)?\s+back\s+against\b|\bbattle-?(?:hardened|tested|ground)\b|\bbattlefield\s+(?:success|situation|gains?)\b",
    _I,
)

# A weapon's name alone: an act only when the sentence says something was done with it.
WEAPON_NOUN = re.compile(
    r"(?:artillery|mortars?|howitzers?|MLRS|multiple\s+rocket|rockets?|Grads?|Smerch|Uragan|"
    r"HIMARS|Iskanders?|Kalibrs?|Kinzhals?|Tochka-U|S-300|(?:cruise|ballistic)\s+missiles?|"
    r"missiles?|grenades?|(?:guided|glide|aerial|aviation|cluster)\s+bombs?|"
    r"(?:suicide|kamikaze)\s+drones?|land\s*-?mines?|anti-(?:tank|personnel)\s+mines?|IEDs?|"
    r"improvised\s+explosive|explosive\s+devices?)",
    _I,
)
ATTACK_VERB = re.compile(
    r"\b(?:hit|hits|hitting|struck|strikes?|striking|(?:attack|assail)(?:ed|s|ing)?|fired|firing|fires|"
    r"launch(?:ed|es|ing)?|shell(?:ed|ing)|bomb(?:ed|ing)|explo(?:ded|sion|sions|des)|landed|"
    r"kill(?:ed|ing|s)|injur(?:ed|ing|ies)|wound(?:ed|ing)|damag(?:ed|ing|e)|destroy(?:ed|ing|s)|"
    r"target(?:ed|ing|s)|pound(?:ed|ing)|rain(?:ed|ing)|hammer(?:ed|ing)|slammed|intercept\w*|"
    r"shot\s+down|downed|used|using|dropp(?:ed|ing)|blasts?|casualt(?:y|ies)|dead|died|"
    r"victims?|wreck\w*|ruin\w*|flattened|set\s+(?:on\s+)?fire|ablaze|burn(?:ed|ing|t)|"
    r"repel(?:led)?|repuls(?:ed|ing)|sent|aimed|barrag(?:es?|ed|ing)|salvos?|volleys?|"
    r"bombardments?|subjected|opened\s+fire|"
    r"onslaught|at\s+(?:the\s+)?(?:city|town|village|region))\b",
    _I,
)
GROUND_COMBAT = re.compile(
    r"\b(?:troops|infantry|assault\w*|positions?|advanc\w*|storm\w*|offensive|sabotage|"
    r"saboteurs?|reconnaissance\s+group|DRG|firefights?|fighters|soldiers|servicemen|units?|"
    r"brigades?|battalions?|break\s+through|breakthrough|frontline|front\s+line|ground|"
    r"armou?red\s+vehicles|tanks|infiltrat\w*|counter-?attack\w*|push(?:ed)?\s+(?:back|into))\b",
    _I,
)
CLAUSE_BOUNDARY = re.compile(r"[;:—–]|,\s|\s(?:while|whereas|but|meanwhile|as|after|when)\s", _I)
