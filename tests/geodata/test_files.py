"""Reading GeoNames files: formats, zips, and clear errors for bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from geodata import gazetteer_from_files
from geodata.errors import GazetteerError, GazetteerFormatError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SAMPLE = FIXTURES / "UA_sample.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"


def test_reads_the_sample_and_keeps_only_places_admin_units_and_facilities():
    gaz = gazetteer_from_files([SAMPLE])
    kinds = {p.feature_class for p in gaz.places.values()}
    assert kinds == {"P", "S", "A"}
    assert 707564 not in gaz.places  # the Irpin river
    assert gaz.places[8516138].admin1 == "Kyiv Oblast"


def test_admin2_names_come_from_admin2codes():
    gaz = gazetteer_from_files([ADMIN2, ADMIN1, SAMPLE])  # any order
    assert gaz.places[707292].admin2 == "Izium Raion"


def test_reads_a_zip_like_the_geonames_export(tmp_path):
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLE, "UA.txt")
        zf.writestr("readme.txt", "about the dump")
    gaz = gazetteer_from_files([archive])
    assert gaz.resolve("Kharkov").place.geonameid == 706483


def test_alternate_names_file_adds_names(tmp_path):
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t707292\tuk\tІзюм-Сіті\t\t\t\t\t\t\n2\t707292\tlink\thttps://example.org/izium\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    gaz = gazetteer_from_files([SAMPLE, alt])
    assert gaz.resolve("Izium-Siti").place.geonameid == 707292
    assert gaz.lookup("https://example.org/izium") == []


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _good_line():
    return SAMPLE.read_bytes().splitlines()[0]


def test_wrong_column_count_names_file_and_line(tmp_path):
    bad = _good_line() + b"\n" + b"\t".join([b"1", b"Short", b"row"] + [b""] * 15) + b"\n"
    path = _write(tmp_path, "UA.txt", bad)
    with pytest.raises(GazetteerFormatError, match=r"UA\.txt' line 2: 18 columns, expected 19"):
        gazetteer_from_files([path])


def test_first_line_with_unknown_shape_is_rejected(tmp_path):
    path = _write(tmp_path, "mystery.txt", b"a\tb\tc\n")
    with pytest.raises(GazetteerFormatError, match="line 1: 3 tab-separated columns"):
        gazetteer_from_files([path])


def test_non_utf8_bytes_name_file_and_line(tmp_path):
    path = _write(
        tmp_path, "UA.txt", _good_line() + b"\n" + _good_line().replace(b"Gav", b"\xff\xfe")
    )
    with pytest.raises(GazetteerFormatError, match=r"line 2: not UTF-8"):
        gazetteer_from_files([path])


def test_bad_number_names_file_and_line(tmp_path):
    cols = _good_line().split(b"\t")
    cols[4] = b"fifty"
    path = _write(tmp_path, "UA.txt", _good_line() + b"\n" + b"\t".join(cols) + b"\n")
    with pytest.raises(GazetteerFormatError, match=r"line 2: could not convert"):
        gazetteer_from_files([path])


def test_out_of_range_coordinate(tmp_path):
    cols = _good_line().split(b"\t")
    cols[4] = b"95.0"
    path = _write(tmp_path, "UA.txt", b"\t".join(cols) + b"\n")
    with pytest.raises(GazetteerFormatError, match=r"line 1: coordinate '95.0' is out of range"):
        gazetteer_from_files([path])


def test_truncated_zip(tmp_path):
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLE, "UA.txt")
    truncated = _write(tmp_path, "UA2.zip", archive.read_bytes()[:200])
    with pytest.raises(GazetteerFormatError, match="not a readable zip"):
        gazetteer_from_files([truncated])


def test_malformed_admin_codes(tmp_path):
    path = _write(tmp_path, "admin1CodesASCII.txt", b"UA.13\tKyiv\n")
    with pytest.raises(GazetteerFormatError, match="line 1: expected 4 columns"):
        gazetteer_from_files([SAMPLE, path])


def test_missing_file(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        gazetteer_from_files([tmp_path / "nope.txt"])


def test_no_places_at_all():
    with pytest.raises(GazetteerError, match="no places"):
        gazetteer_from_files([ADMIN1])
