"""Common English words that are also names of some place somewhere.

Scanning an article for place names must not turn "May", "Bar" or "Most" into
villages. These words (folded like every name key) are skipped by
``find_names`` when they stand alone; they still resolve when asked directly.
"""

from __future__ import annotations

from geodata.names import name_key

_TEXT = """
a about above after again against air all along also am among an and another any are
army around as at attack away back bad bar base be because been before being below best
between big black blue both but by called camp can center central centre city civil
close come could council court dam day days de del der die district do does down during
each east eastern early end even every fire first five for force forces forest four free
from front further gas general gold good grand great green had has have he head her here
high hill him his home hope house how i if in into is it its just king lake land large
last late later least left less life like line little local long lower main major many
march may me media men mid middle might mine more most much must my national near new
news next night no none north northern not now of off office old on one only or other
our out over own park part peace people place plain point police port post power red
right river road rock round russian said same sea second see seven she should side since
six small so some south southern spring square star state station still street strike
such summer sun support than that the their them then there these they third this those
three through time to today top town two under union up upper us very village war was
water way we well were west western what when where which while white who why will
winter with without world would year years yes you young ukraine ukrainian russia media
zero pravda novosti izvestia interfax kommersant
"""

STOPWORDS: frozenset[str] = frozenset(name_key(w) for w in _TEXT.split())
