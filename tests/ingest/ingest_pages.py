"""Small articles, pages and feeds written for these tests (our own words)."""

from __future__ import annotations

from html import escape

ARTICLES = {
    "kharkiv": (
        "Shelling of residential Kharkiv",
        "Russian artillery shelled residential districts of Kharkiv on Monday, killing two "
        "civilians and damaging a school, the regional governor said. Emergency crews worked "
        "through the night to clear rubble from the courtyards of several apartment blocks.",
    ),
    "odesa": (
        "Drone downed over Odesa",
        "Ukrainian air defence shot down an attack drone over Odesa on Tuesday night, the "
        "southern command reported. Debris fell on an empty warehouse near the port and a "
        "small fire was put out within an hour; nobody was hurt, officials added.",
    ),
    "sumy": (
        "Missile strike on Sumy",
        "A Russian missile struck an industrial site in Sumy on Wednesday morning, wounding "
        "four workers, the city council said. Windows were blown out in nearby houses and the "
        "power supply to one district was cut for several hours while repairs were made.",
    ),
    "kherson": (
        "Artillery fire on Kherson",
        "Russian forces fired artillery at the centre of Kherson on Thursday, killing one "
        "man near the market, according to the regional military administration. Officials "
        "asked residents to stay in shelters while the bombardment continued into the evening.",
    ),
}


def article_html(
    key: str,
    *,
    published: str = "2022-05-02",
    canonical: str | None = None,
    charset: str | None = "utf-8",
    lang: str = "en",
) -> str:
    """A news page with the article ``key`` inside boilerplate navigation and footer."""
    title, body = ARTICLES[key]
    meta = f'<meta charset="{charset}">' if charset else ""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{escape(title)} | Test Post</title>'
        f'{link}<meta property="article:published_time" content="{published}T08:00:00+03:00">'
        '<meta name="author" content="Olena Test"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(title)}</h1><p>{escape(body)}</p></article>"
        "<footer>Test Post, all rights reserved.</footer></body></html>"
    )


def rss(items: list[tuple[str, str, str]], *, title: str = "Test Post news") -> str:
    """An RSS 2.0 feed of ``(title, link, RFC 822 date)`` items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{d}</pubDate></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://test.example/</link>"
        f"<description>news</description>{body}</channel></rss>"
    )


def atom(entries: list[tuple[str, str, str]], *, title: str = "Test Atom") -> str:
    """An Atom feed of ``(title, link, ISO timestamp)`` entries."""
    body = "".join(
        f'<entry><title>{escape(t)}</title><link href="{escape(link)}"/>'
        f"<id>{escape(link)}</id><updated>{d}</updated></entry>"
        for t, link, d in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2022-05-02T00:00:00Z</updated>"
        f"{body}</feed>"
    )
