"""Ukrainian and Russian extraction speed, side by side with a naive lemmatise-and-look-up pass.

Usage::

    python bench/bench_extract_cyrillic.py /path/to/UA.txt /path/to/admin1CodesASCII.txt
        [--articles 1000] [--rounds 5] [--size 1500]

Articles are assembled from short Ukrainian and Russian passages written for
this benchmark (incident reports amid background sentences), in a fixed random
order. Figures are medians over the rounds, in articles per CPU second of this
process (what "one core" means on a shared machine). The baseline is what a
quick script would do with the same tools: lemmatise every word of each
sentence that has a conflict word with pymorphy3 and look every lemma up in
the gazetteer (no dates, roles, types or actors). One warm-up round and a full
garbage collection after loading come first, so both sides run in the steady
state of a long ingest.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geodata import gazetteer_from_files
from tracker.extract.cyrillic import CyrillicExtractor
from tracker.model import Article

PASSAGES = {
    "uk": (
        "У ніч на 12 квітня окупанти обстріляли Харків з реактивних систем, загинули двоє людей.",
        "Вчора ворожий дрон атакував склад біля Ірпеня Київської області.",
        "Сили ППО збили 14 шахедів над Сумщиною, повідомили Повітряні сили.",
        "ЗСУ звільнили село під Бахмутом, повідомив Генштаб.",
        "Минулої доби росіяни 20 разів обстріляли Нікополь, пошкоджено будинки.",
        "У Херсоні ракета влучила в багатоповерхівку, поранено чотирьох людей.",
        "Трактор підірвався на міні поблизу Ізюма, водій загинув.",
        "Тривають бої за Покровськ, Сили оборони відбили вісім атак.",
        "Окупанти викрали голову громади у Новій Каховці.",
        "На Запоріжжі під обстріл потрапили Оріхів та Гуляйполе.",
    ),
    "ru": (
        "В ночь на 5 марта российские войска обстреляли Херсон, погибли три человека.",
        "Накануне беспилотник атаковал нефтебазу под Белгородом, сообщил губернатор.",
        "Силы ПВО сбили 20 дронов над Курской областью.",
        "Минобороны России сообщило, что уничтожен склад боеприпасов под Купянском.",
        "В минувшие сутки враг обстрелял Никополь и Марганец, повреждены дома.",
        "Во Львове ракета попала в жилой дом, есть погибшие.",
        "Под Изюмом тракторист подорвался на мине.",
        "Идут бои за Часов Яр, ВСУ отразили шесть атак.",
        "Оккупанты похитили мэра Мелитополя.",
        "В Запорожской области под обстрел попали Орехов и Энергодар.",
    ),
}
FILLER = {
    "uk": (
        "Уряд обговорює нові програми відновлення житла.",
        "Аналітики очікують зростання цін на пальне восени.",
        "Волонтери передали генератори лікарням області.",
        "Міська рада ухвалила бюджет на наступний рік.",
        "Школи готуються до навчання в укриттях.",
        "Президент подякував партнерам за підтримку.",
        "Фермери завершили посівну кампанію на півдні.",
        "Депутати обговорили законопроєкт про енергетику.",
    ),
    "ru": (
        "Правительство обсуждает новые программы восстановления жилья.",
        "Аналитики ожидают роста цен на топливо осенью.",
        "Волонтеры передали генераторы больницам области.",
        "Городской совет принял бюджет на следующий год.",
        "Школы готовятся к учебе в укрытиях.",
        "Президент поблагодарил партнеров за поддержку.",
        "Фермеры завершили посевную кампанию на юге.",
        "Депутаты обсудили законопроект об энергетике.",
    ),
}
_KEYWORDS = re.compile(r"обстр|ракет|дрон|беспилот|безпілот|удар|бо[їий]|атак|загин|погиб", re.I)
_WORD = re.compile(r"[А-ЯЁІЇЄҐа-яёіїєґ'’-]+")


def make_articles(language: str, n: int, *, size: int, seed: int = 7) -> list[Article]:
    """``n`` articles of about ``size`` characters, a third of their sentences incidents."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            pool = PASSAGES[language] if rng.random() < 0.33 else FILLER[language]
            parts.append(rng.choice(pool))
        articles.append(
            Article(" ".join(parts), url=f"https://bench.example/{language}/{i}",
                    published=date(2024, 4, 14), language=language)
        )  # fmt: skip
    return articles


def naive_pass(language: str, gazetteer) -> Callable[[Article], int]:
    """Lemmatise every word of conflict sentences and count the lemmas the gazetteer resolves."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang=language)

    def run(article: Article) -> int:
        count = 0
        for sentence in re.split(r"(?<=[.!?])\s+", article.text):
            if _KEYWORDS.search(sentence):
                for word in _WORD.findall(sentence):
                    if word[0].isupper() and gazetteer.resolve(morph.parse(word)[0].normal_form):
                        count += 1
        return count

    return run


def _counting(extractor: CyrillicExtractor) -> Callable[[Article], int]:
    return lambda article: len(extractor.extract(article))


def rate(func: Callable[[Article], int], articles: list[Article]) -> tuple[float, int]:
    """Articles per CPU second of this process, and what ``func`` counted."""
    cpu = time.process_time()
    found = sum(func(a) for a in articles)
    return len(articles) / (time.process_time() - cpu), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gazetteer", nargs="+", type=Path, help="GeoNames files")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", type=int, default=1500, help="characters per article")
    args = parser.parse_args()

    t0 = time.perf_counter()
    gaz = gazetteer_from_files(args.gazetteer)
    gc.collect()  # the gazetteer is long-lived: promote it once, as a running ingest has
    print(f"gazetteer: {len(gaz):,} places loaded in {time.perf_counter() - t0:.1f} s")
    for language in ("uk", "ru"):
        articles = make_articles(language, args.articles, size=args.size)
        ours_fn = _counting(CyrillicExtractor(gaz, language=language))
        naive_fn = naive_pass(language, gaz)
        rate(ours_fn, articles[:100])  # warm-up: dictionaries and caches loaded once
        rate(naive_fn, articles[:100])
        ours, naive = [], []
        for _ in range(args.rounds):  # interleaved so machine noise hits both alike
            ours.append(rate(ours_fn, articles))
            naive.append(rate(naive_fn, articles))
        mine = statistics.median(r[0] for r in ours)
        base = statistics.median(r[0] for r in naive)
        print(
            f"{language}: extractor median {mine:,.0f} articles per CPU second "
            f"({ours[0][1]:,} events); naive lemmatise+look-up {base:,.0f}/s "
            f"({naive[0][1]:,} place hits); ratio {mine / base:.2f}"
        )


if __name__ == "__main__":
    main()
