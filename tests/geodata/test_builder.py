"""GazetteerBuilder fills in admin names without losing any other field of a place."""

from __future__ import annotations

from dataclasses import fields

from geodata.index import GazetteerBuilder
from geodata.model import Place


def test_a_renamed_admin2_keeps_every_other_field():
    # every field set away from its default, so a field the copy forgot would show
    values = {
        "geonameid": 9_000_001, "name": "Testove", "latitude": 48.1, "longitude": 37.2,
        "feature_class": "P", "feature_code": "PPLA3", "country": "UA", "admin1": "Somewhere",
        "admin1_code": "14", "admin2": "9999", "population": 1234, "admin3": "Testova hromada",
    }  # fmt: skip
    assert set(values) == {f.name for f in fields(Place)}, "give the new Place field a value"
    builder = GazetteerBuilder()
    builder.add_place(Place(**values))
    builder.add_admin_name("UA.14.9999", "Testovyi Raion")
    built = builder.build().places[9_000_001]
    assert built.admin2 == "Testovyi Raion"
    assert built.admin1 == "Luhansk Oblast"  # from the admin-1 code
    kept = {f: getattr(built, f) for f in values if f not in ("admin1", "admin2")}
    assert kept == {f: v for f, v in values.items() if f not in ("admin1", "admin2")}
