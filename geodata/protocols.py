"""The interface ``tracker`` relies on to find and resolve places in text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from geodata.activity import ActivitySource
from geodata.model import Candidate, NameMatch, Place, Resolution


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """Evidence around a mention that helps choose among homonyms.

    ``admin_hint`` is a region named next to the mention ("in the Kyiv region",
    "Iskryskivshchyna, Sumy"); ``near`` is a reference point from a relative
    description ("west of Kyiv"); ``others`` are places already resolved in the
    same article; ``country`` is the article's focus country (ISO alpha-2);
    ``activity`` is where violence was reported in the weeks up to ``as_of``
    (the article's day), the front-line context a coder chooses homonyms by.
    """

    admin_hint: str | None = None
    near: tuple[float, float] | None = None  # (latitude, longitude)
    others: Sequence[Place] = ()
    country: str | None = "UA"
    activity: ActivitySource | None = None
    as_of: date | None = None


class Gazetteer(Protocol):
    """Finds place names in text and resolves them to places."""

    def find_names(self, text: str) -> list[NameMatch]:
        """Every non-overlapping span of ``text`` that names a known place or region."""
        ...

    def search(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Ranked candidates for ``name``, best first."""
        ...

    def resolve(
        self, name: str, *, context: ResolveContext = ResolveContext()
    ) -> Resolution | None:
        """The best place for a settlement or facility name, or None when nothing fits."""
        ...

    def resolve_region(self, name: str) -> Resolution | None:
        """An admin unit ("the Kyiv region", "Donbas", "Crimea") at region precision."""
        ...
