"""Small Folium components that put the event map's pieces on the page.

Each component is a ``MacroElement`` whose JavaScript lives in a template
macro and receives its data only through ``tojson`` (which escapes ``<``,
``>``, ``&`` and ``'``, so article text cannot close the script tag). The
drawing, filtering and popup code lives in ``static/eventmap-*.js`` (inlined
once, in the page head) and is shared by every component through the
``TrackerMap`` object.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2
from branca.element import Element, MacroElement

from maps.pack import encode_columns

# Our own environment: compact JSON keeps 100,000 events small, and no shared
# Folium or Jinja state is changed.
_ENV = jinja2.Environment(autoescape=False)
_ENV.policies["json.dumps_kwargs"] = {"separators": (",", ":"), "ensure_ascii": False}


def _template(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


class _RawText(Element):
    """Already-rendered text, placed in the page as is.

    Branca wraps each rendered macro in an ``Element`` whose text is compiled
    again as a Jinja template: article text containing ``{{ ... }}`` would then
    run as template code, and lexing a 4 MB payload costs a quarter second.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Element(MacroElement):
    """A ``MacroElement`` whose rendered macros are never re-read as templates."""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        module = self._template.module
        for part, target in (
            ("header", figure.header),
            ("html", figure.html),
            ("script", figure.script),
        ):
            macro = getattr(module, part, None)
            if macro is not None:
                target.add_child(_RawText(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


@cache
def static_text(name: str) -> str:
    """The text of one of our static files, e.g. ``eventmap.css``."""
    return resources.files("maps").joinpath("static", name).read_text(encoding="utf-8")


@cache
def map_script() -> str:
    """The map's JavaScript: the ``static/eventmap-*.js`` parts, in name order."""
    folder = resources.files("maps").joinpath("static")
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("eventmap-"))
    return "\n".join(static_text(name) for name in names if name.endswith(".js"))


class MapCode(_Element):
    """The event map's own stylesheet and script, inlined in the page head."""

    _template = _template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "TrackerMapCode"
        self.css = static_text("eventmap.css")
        self.js = map_script()


class _Component(_Element):
    """A component attached to the page's one event layer."""

    def __init__(self, layer: EventLayer, name: str) -> None:
        super().__init__()
        self._name = name
        self.layer = layer


class Basemap(_Element):
    """Oblast outlines and cities that ship with the package, drawn with no network."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        TrackerMap.addBasemap({{ this._parent.get_name() }}, {{ this.basemap|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, basemap: dict[str, Any]) -> None:
        super().__init__()
        self._name = "TrackerBasemap"
        self.basemap = basemap


class EventLayer(_Element):
    """All events, drawn on one canvas, with popups; filtered by the other components.

    The columns travel deflated and base64-encoded (see :func:`maps.pack.encode_columns`)
    in a data block (base64 holds no ``<``, so nothing can end it early); in the
    page the layer is a Promise of the map state, which the other components
    wait on, in the order they were added.
    """

    # The columns sit in a data block, not in a script: a 2.5 MB string literal
    # costs the browser's JavaScript parser about 0.2 s more than the HTML parser.
    _template = _template(
        """
        {% macro html(this, kwargs) %}
        <script type="application/octet-stream" id="{{ this.get_name() }}-data">
        {{- this.packed -}}
        </script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = TrackerMap.load({{ this._parent.get_name() }},
            document.getElementById("{{ this.get_name() }}-data"), {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, columns: dict[str, Any], options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "TrackerEvents"
        self.packed = encode_columns(columns)
        self.options = options


class RegionShading(_Component):
    """A choropleth of the events shown per region, following the filters."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) {
            TrackerMap.addRegions(s, {{ this.options|tojson }});
        });
        {% endmacro %}
        """
    )

    def __init__(
        self, layer: EventLayer, *, geojson: dict[str, Any] | None, names: list[str]
    ) -> None:
        """``geojson`` None: the regions are the basemap's, already in the page."""
        super().__init__(layer, "TrackerRegions")
        self.options = {"boundaries": geojson, "regionNames": names}


class MapInfo(_Component):
    """Title, description, generation time and the outlets behind the events."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) {
            TrackerMap.addInfo(s, {{ this.options|tojson }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer, *, options: dict[str, Any]) -> None:
        super().__init__(layer, "TrackerInfo")
        self.options = options


class TypeLegend(_Component):
    """Legend by event type with a toggle and a count per type, and the precision key."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) { TrackerMap.addLegend(s); });
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer) -> None:
        super().__init__(layer, "TrackerLegend")


class TimeControl(_Component):
    """From/to dates, a two-handle slider, a weekly histogram, play, and the visible count."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) { TrackerMap.addTimeControl(s); });
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer) -> None:
        super().__init__(layer, "TrackerTime")


class EventList(_Component):
    """The list of the events shown, newest first, with text search; a row opens its event.

    Its ``<aside>`` is in the page before the map is sized, so the map takes
    the width left to it at once instead of being resized (and redrawn) later.
    """

    _template = _template(
        """
        {% macro html(this, kwargs) %}
        <aside id="{{ this.get_name() }}" class="tm-list"></aside>
        <script>
        document.getElementById("{{ this.get_name() }}").parentNode.classList.add("tm-with-list");
        </script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) {
            TrackerMap.addList(s, "{{ this.get_name() }}");
        });
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer) -> None:
        super().__init__(layer, "TrackerList")


class ShareableView(_Component):
    """Keeps filters and view in the URL fragment, so a shared link reopens the same view."""

    _template = _template(
        """
        {% macro script(this, kwargs) %}
        {{ this.layer.get_name() }}.then(function (s) {
            TrackerMap.shareView(s);
            TrackerMap.markReady(s);
        });
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer) -> None:
        super().__init__(layer, "TrackerShare")
