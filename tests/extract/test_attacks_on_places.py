"""An attack on a settlement with its weapon unnamed, glide bombs, and a community's raion.

Every passage here was written for these tests; the places are a small hand-made gazetteer
with two villages of one name in different oblasts.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import GazetteerBuilder, Place
from tracker.extract import extract_events
from tracker.model import Article, SubEventType

S = SubEventType
DAY = date(2024, 5, 10)


@pytest.fixture(scope="module")
def gazetteer():
    builder = GazetteerBuilder()
    for place in (
        Place(
            9400001, "Dubrivka", 50.95, 28.10, admin1="Zhytomyr Oblast", admin1_code="22",
            admin2="Korosten Raion",
        ),
        Place(
            9400002, "Borove", 50.90, 28.30, admin1="Zhytomyr Oblast", admin1_code="22",
            admin2="Korosten Raion", population=2_000,
        ),
        Place(
            9400003, "Dubrivka", 49.10, 37.30, admin1="Kharkiv Oblast", admin1_code="07",
            admin2="Izium Raion",
        ),
        Place(
            9400004, "Izium", 49.21, 37.26, "P", "PPLA2", admin1="Kharkiv Oblast",
            admin1_code="07", admin2="Izium Raion", population=45_000,
        ),
        Place(9400005, "Stepove", 47.80, 35.40, admin1="Zaporizhzhia Oblast", admin1_code="26"),
        Place(
            9400006, "Valuyki", 50.21, 38.10, "P", "PPLA2", country="RU",
            admin1="Belgorod Oblast", admin1_code="09", population=35_000,
        ),
        # the only namesake the gazetteer has of a Belgorod village, 170 km away
        Place(9400007, "Novopetrivka", 48.60, 37.60, admin1="Donetsk Oblast", admin1_code="05"),
        Place(
            9400008, "Kharkiv", 49.99, 36.23, "P", "PPLA", admin1="Kharkiv Oblast",
            admin1_code="07", population=1_400_000,
        ),
        Place(9400009, "Stepanky", 49.87, 36.40, admin1="Kharkiv Oblast", admin1_code="07"),
        Place(
            9400010, "Kursk", 51.73, 36.19, "P", "PPLA", country="RU", admin1="Kursk Oblast",
            admin1_code="41", population=440_000,
        ),
        Place(
            9400012, "Izium Raion", 49.20, 37.28, "A", "ADM2", admin1="Kharkiv Oblast",
            admin1_code="07", admin2="Izium Raion",
        ),
        Place(9400013, "Bilopillia", 51.15, 34.31, admin1="Sumy Oblast", admin1_code="21"),
        # two villages of one name, and one more village of the Kharkiv region
        Place(9400016, "Lozove", 49.60, 36.80, admin1="Kharkiv Oblast", admin1_code="07"),
        Place(9400017, "Lozove", 47.00, 35.60, admin1="Zaporizhzhia Oblast", admin1_code="26"),
        Place(
            9400018, "Zaporizhzhia", 47.84, 35.14, "P", "PPLA", admin1="Zaporizhzhia Oblast",
            admin1_code="26", population=710_000,
        ),
        Place(9400014, "Seredyna-Buda", 52.19, 34.03, admin1="Sumy Oblast", admin1_code="21"),
        # what cutting "Seredyna Budska" short would find, in another oblast
        Place(9400015, "Budy", 49.90, 36.00, admin1="Kharkiv Oblast", admin1_code="07"),
        Place(
            9400019, "Nikopol", 47.57, 34.39, "P", "PPLA2", admin1="Dnipropetrovsk Oblast",
            admin1_code="04", population=110_000,
        ),
        Place(
            9400020, "Marhanets", 47.64, 34.63, admin1="Dnipropetrovsk Oblast",
            admin1_code="04", population=45_000,
        ),
        Place(9400021, "Myrove", 47.53, 34.12, admin1="Dnipropetrovsk Oblast", admin1_code="04"),
        Place(
            9400022, "Oryol", 52.97, 36.08, "P", "PPLA", country="RU", admin1="Oryol Oblast",
            admin1_code="56", population=300_000,
        ),
        # a small town far inside Russia whose name reports give the Oryol region
        Place(9400023, "Orlov", 58.54, 48.89, country="RU", population=7_000),
        # a district town of Ukraine that shares its name with many villages
        Place(
            9400011, "Horodyshche", 49.29, 31.45, "P", "PPLA2", admin1="Cherkasy Oblast",
            admin1_code="01", population=13_600,
        ),
    ):  # fmt: skip
        builder.add_place(place)
    return builder.build()


def _events(gazetteer, text: str):
    return extract_events(Article(text, published=DAY), gazetteer=gazetteer, min_confidence=0)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday morning the occupiers attacked the village of Stepove, damaging two houses.",
        "Russian forces attacked a farm in Stepove on Friday; a tractor driver was wounded.",
        "The governor reported an evening attack on the village of Stepove on Friday.",
    ],
)
def test_an_attack_on_a_village_with_no_weapon_named_is_remote_violence(gazetteer, text) -> None:
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepove", S.SHELLING_ARTILLERY_MISSILE)


def test_troops_attacking_a_village_are_fighting_on_the_ground(gazetteer) -> None:
    [event] = _events(gazetteer, "On Friday Russian troops attacked the village of Stepove.")
    assert event.sub_event_type is S.ARMED_CLASH


def test_an_attack_word_with_no_place_attacked_still_makes_no_event(gazetteer) -> None:
    assert _events(gazetteer, "The attack came as talks resumed in the capital.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Russian aircraft dropped a bomb on Stepove.",
        "On Friday the Russians used a gliding bomb against Stepove.",
        "A KAB hit Stepove on Friday.",
    ],
)
def test_glide_bombs_as_reports_name_them_are_air_strikes(gazetteer, text) -> None:
    assert S.AIR_DRONE_STRIKE in {e.sub_event_type for e in _events(gazetteer, text)}


def test_a_follow_up_that_names_the_weapon_types_the_attack(gazetteer) -> None:
    text = (
        "On Friday morning the occupiers attacked the village of Stepove. "
        "They used a guided aerial bomb; a barn caught fire."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepove", S.AIR_DRONE_STRIKE)
    assert any("the weapon the next report names" in line for line in event.evidence)


def test_the_raion_after_a_community_places_the_village(gazetteer) -> None:
    # the community's name is spelt as a village in another oblast is; the raion decides
    text = (
        "On Friday the occupiers shelled the village of Dubrivka in the Borove community, "
        "Izium district."
    )
    [event] = _events(gazetteer, text)
    assert (event.geonameid, event.admin1) == (9400003, "Kharkiv Oblast")


def test_a_village_missing_near_its_town_is_coded_near_the_town(gazetteer) -> None:
    text = "Ukrainian forces shelled the village of Novopetrivka near Valuyki on Friday."
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision.value) == ("Valuyki", 2)
    assert any("where the text places it" in line for line in event.evidence)


def test_a_village_found_near_its_town_keeps_its_own_place(gazetteer) -> None:
    text = "Russian forces shelled the village of Stepanky outside Kharkiv on Friday."
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision.value) == ("Stepanky", 1)


def test_sentences_going_on_with_a_story_from_the_past_are_no_events(gazetteer) -> None:
    text = (
        "Two years ago, on March 3, 2022, Russian jets bombed a school in Stepove. Eight "
        "people died in the bombing. The Russians hit the gym, where families sheltered."
    )
    assert _events(gazetteer, text) == []


def test_a_village_the_sentence_before_places_in_a_region_is_looked_for_there(gazetteer) -> None:
    text = (
        "Two people were wounded overnight in Russia's Kursk Region, the governor said. "
        "A drone dropped an explosive on a house in the village of Horodyshche.\n\n"
        "Separately, air defences downed a drone over the Kharkiv region."
    )
    placed = {e.location: e for e in _events(gazetteer, text)}
    assert "Horodyshche" not in placed  # a town in Cherkasy Oblast is not that village
    assert placed["Kursk Oblast"].geo_precision.value == 3


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Two civilians were killed in Russian shelling of Stepove on Friday.", "Russia"),
        ("A man was wounded in a Ukrainian drone strike on Valuyki on Friday.", "Ukraine"),
    ],
)
def test_the_side_whose_attack_killed_is_the_attacker(gazetteer, text, attacker) -> None:
    [event] = _events(gazetteer, text)
    assert event.actor1 is not None and attacker in event.actor1


def test_a_town_described_as_recently_captured_is_a_reference_not_a_capture(gazetteer) -> None:
    text = (
        "One man was killed in attacks on the village of Stepanky, some ten miles north of "
        "the recently captured Kharkiv, the governor said on Friday."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepanky", S.SHELLING_ARTILLERY_MISSILE)
    assert event.fatalities == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces captured Stepanky on Friday.",
        "Russian troops have seized the village of Stepanky, the ministry said on Friday.",
    ],
)
def test_a_capture_told_as_news_is_still_a_capture(gazetteer, text) -> None:
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY


def test_earlier_this_month_ends_on_the_day_of_the_report(gazetteer) -> None:
    [event] = extract_events(
        Article("Earlier in May, Russian forces captured Stepove.", published=DAY),
        gazetteer=gazetteer,
    )
    assert event.event_date <= DAY and event.date_end <= DAY


def test_a_later_vague_report_names_the_town_of_a_region_level_attack(gazetteer) -> None:
    text = (
        "On Friday Ukraine fired missiles at the Kharkiv region, Russian officials said. "
        "The attack caused a fire at a warehouse in Stepanky."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision.value) == ("Stepanky", 1)
    assert any("a later report of the same attack" in line for line in event.evidence)


def test_a_vague_report_elsewhere_does_not_move_the_attack(gazetteer) -> None:
    text = (
        "On Friday Ukraine fired missiles at the Kharkiv region, Russian officials said. "
        "Talks on the attack were held in Valuyki."
    )
    [event] = _events(gazetteer, text)
    assert event.location == "Kharkiv Oblast"


def test_a_raion_level_report_is_not_folded_into_a_city_outside_the_raion(gazetteer) -> None:
    text = (
        "On Friday Russian shelling hit Kharkiv, killing two people. "
        "On Friday shelling in the Izium district wounded one more."
    )
    assert {e.location for e in _events(gazetteer, text)} == {"Kharkiv", "Izium Raion"}


def test_a_report_with_neither_place_nor_day_is_background(gazetteer) -> None:
    text = (
        "Governors in Kharkiv and Valuyki gave briefings. "
        "The war has brought Russian air strikes that killed civilians and damaged homes."
    )
    assert _events(gazetteer, text) == []


def test_a_shoot_down_tally_needs_neither_place_nor_day(gazetteer) -> None:
    text = (
        "Governors in Kharkiv and Valuyki gave briefings. "
        "Air defences shot down seven of the ten missiles, the air force said."
    )
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.DISRUPTED_WEAPONS_USE and event.latitude is None


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say Russian forces are preparing a major offensive near Stepove.",
        "Russian troops are planning new assaults on Stepove, the general warned.",
    ],
)
def test_a_plan_or_preparation_is_no_event(gazetteer, text) -> None:
    assert _events(gazetteer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Since the liberation of the town, Russian shelling has killed 40 people in Stepove.",
        "Since the start of the year, Russian shelling has killed 40 people in Stepove.",
    ],
)
def test_a_tally_since_a_turning_point_is_no_event(gazetteer, text) -> None:
    assert _events(gazetteer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A man was killed in Stepove in the Donetsk People's Republic (DPR) on Friday as a "
        "result of shelling by Ukrainian troops.",
        "One civilian of the Donetsk People's Republic's town of Stepove was killed on Friday "
        "as a result of shelling by the Ukrainian armed forces.",
    ],
)
def test_a_republic_named_as_a_territory_is_not_the_attacker(gazetteer, text) -> None:
    [event] = _events(gazetteer, text)
    assert event.actor1 == "Military Forces of Ukraine (2019-)"


def test_barraged_with_artillery_is_a_shelling(gazetteer) -> None:
    [event] = _events(gazetteer, "On Friday the army barraged Stepove with artillery.")
    assert (event.location, event.sub_event_type) == ("Stepove", S.SHELLING_ARTILLERY_MISSILE)


def test_community_adjectives_of_two_words_and_of_pillia_towns(gazetteer) -> None:
    text = "On Friday the Bilopilska and Seredyna Budska communities were shelled."
    assert {e.location for e in _events(gazetteer, text)} == {"Bilopillia", "Seredyna-Buda"}


def test_a_village_far_from_the_distance_the_text_states_is_another_village(gazetteer) -> None:
    text = (
        "On Friday Russian forces captured the village of Novopetrivka, about five "
        "kilometres north of Valuyki. A day earlier Ukraine had said Novopetrivka held."
    )
    events = _events(gazetteer, text)
    assert {(e.location, e.geo_precision.value) for e in events} == {("Valuyki", 2)}


def test_a_village_within_the_stated_distance_keeps_its_place(gazetteer) -> None:
    text = "On Friday Russian artillery shelled Stepanky, about ten kilometres east of Kharkiv."
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision.value) == ("Stepanky", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces launched 40 attacks against Stepove on Friday, injuring two people.",
        "On Friday Russia attacked the village of Stepove 12 times, the governor said.",
    ],
)
def test_a_count_of_attacks_is_a_report_of_shelling(gazetteer, text) -> None:
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepove", S.SHELLING_ARTILLERY_MISSILE)


def test_a_photo_caption_ending_in_a_date_and_its_source_is_no_event(gazetteer) -> None:
    text = (
        "The aftermath of Russian missile strikes against Stepove, May 9, 2024. "
        "(Source: Governor of the region)\n\nOfficials met in Kharkiv on Friday."
    )
    assert _events(gazetteer, text) == []


def test_the_region_after_a_list_places_every_village_of_the_list(gazetteer) -> None:
    # Stepove (in Zaporizhzhia Oblast only) would pull Lozove to its namesake there
    text = "On Friday Russian forces shelled Lozove, Stepove and Stepanky in the Kharkiv region."
    placed = {e.location: e.admin1 for e in _events(gazetteer, text)}
    assert placed["Lozove"] == "Kharkiv Oblast" and placed["Stepanky"] == "Kharkiv Oblast"


def test_every_place_of_a_list_takes_the_region_after_it(gazetteer) -> None:
    from tracker.extract.places import classify_places

    text = "On Friday Russian forces shelled Lozove, Stepove and Stepanky in the Kharkiv region."
    found = classify_places(
        text, gazetteer.find_names(text), sentence_start=0, sentence_end=len(text)
    )
    hints = {p.match.surface: p.hint.surface for p in found if p.hint is not None}
    assert set(hints) == {"Lozove", "Stepove", "Stepanky"}
    assert len(set(hints.values())) == 1


def test_a_raion_named_whole_after_a_community_is_the_hint(gazetteer) -> None:
    text = (
        "On Friday the occupiers shelled the village of Dubrivka, Borove community "
        "(Izium Raion, Kharkiv region)."
    )
    [event] = _events(gazetteer, text)
    assert (event.geonameid, event.admin1) == (9400003, "Kharkiv Oblast")


def test_a_village_in_a_peoples_republic_is_looked_for_in_its_oblast(gazetteer) -> None:
    text = (
        "On Friday units of the Southern battlegroup liberated the settlement of Lozove "
        "in the Zaporizhzhia People's Republic, the ministry said."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.admin1) == ("Lozove", "Zaporizhzhia Oblast")
    assert event.sub_event_type is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY


def test_a_peoples_republic_alone_is_its_oblast_not_its_capital(gazetteer) -> None:
    text = "On Friday Ukrainian forces shelled the Zaporizhzhia People's Republic."
    [event] = _events(gazetteer, text)
    assert event.geo_precision.value == 3 and event.admin1 == "Zaporizhzhia Oblast"


def test_losses_inflicted_near_villages_are_clashes_beside_a_capture(gazetteer) -> None:
    text = (
        "On Friday Battlegroup Center units liberated Stepanky and inflicted losses on "
        "Ukrainian brigades near Lozove, the ministry said."
    )
    types = {e.location: e.sub_event_type for e in _events(gazetteer, text)}
    assert types["Stepanky"] is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    assert types["Lozove"] is S.ARMED_CLASH


def test_the_assaults_on_a_town_struck_that_day_are_the_strike_told_again(gazetteer) -> None:
    text = (
        "On Friday Russian missiles struck Stepove, killing two people. "
        "The governor said the assaults on Stepove showed how thin air defences are."
    )
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.SHELLING_ARTILLERY_MISSILE


def test_assaults_on_a_town_with_no_strike_there_are_a_clash(gazetteer) -> None:
    text = "On Friday Russian troops launched assaults on Stepove, the general staff said."
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.ARMED_CLASH


@pytest.mark.parametrize(
    ("second", "places"),
    [
        (
            "The district centre and the Marhanets community were also hit.",
            {"Nikopol", "Marhanets"},
        ),
        (
            "The Marhanets and Myrove communities, along with Nikopol itself, were affected.",
            {"Nikopol", "Marhanets", "Myrove"},
        ),
    ],
)
def test_places_a_round_up_says_were_hit_are_each_an_attack(gazetteer, second, places) -> None:
    text = (
        f"On Friday night the Russians shelled the Nikopol district with heavy artillery. {second}"
    )
    located = {e.location for e in _events(gazetteer, text)}
    assert places <= located


def test_places_affected_by_something_else_are_no_attack(gazetteer) -> None:
    text = "On Friday the Marhanets and Myrove communities were affected by the power outage."
    assert _events(gazetteer, text) == []


def test_a_surname_the_article_gave_in_full_is_never_a_place(gazetteer) -> None:
    text = (
        "On Friday a guided bomb hit a school in Stepove, said the mayor, Oleksii Lozove. "
        "'The enemy hit it again,' Lozove said."
    )
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_an_attack_on_a_building_that_killed_people_is_the_strike_not_a_killing(gazetteer):
    text = (
        "On Friday Russia launched an attack on a residential tower block in Stepove, "
        "killing two people. The strike was carried out with guided bombs."
    )
    [event] = _events(gazetteer, text)
    assert (event.sub_event_type, event.fatalities) == (S.AIR_DRONE_STRIKE, 2)


def test_commentary_on_a_continuing_campaign_is_no_battle(gazetteer) -> None:
    text = (
        "On Friday a missile hit Stepove. The Stepove attack is another reminder of the toll "
        "as Moscow continues its relentless assault on the region."
    )
    assert {e.sub_event_type for e in _events(gazetteer, text)} == {S.SHELLING_ARTILLERY_MISSILE}


def test_troops_attacking_a_town_where_a_building_was_hit_made_a_strike(gazetteer) -> None:
    text = "On Friday Russian troops attacked Stepove, a school building was hit."
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.SHELLING_ARTILLERY_MISSILE


@pytest.mark.parametrize(
    "recap",
    [
        "As previously reported, the occupiers shelled Lozove with artillery.",
        "Recall\n\nThe occupiers shelled Lozove with artillery.",
    ],
)
def test_an_undated_recap_at_the_foot_of_a_story_is_no_event(gazetteer, recap) -> None:
    text = f"On Friday a missile hit Stepove, the governor said.\n\n{recap}"
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_a_pages_time_stamp_is_not_the_day_of_the_event(gazetteer) -> None:
    text = (
        "Missile hits Stepove, governor says\n"
        "16:51 JST, May 10, 2024\n"
        "Russian forces struck Stepove on Thursday evening, the governor said. "
        "He noted two strikes from guided bombs."
    )
    events = _events(gazetteer, text)
    assert {str(e.event_date) for e in events} == {"2024-05-09"}


def test_what_an_oblast_governor_reports_with_no_place_is_coded_to_the_oblast(gazetteer) -> None:
    text = (
        "Kharkiv Oblast Governor Oleh Petrenko said Russian forces had struck a town near "
        "the border with artillery on Friday."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision) == ("Kharkiv Oblast", 3)


def test_a_relative_clause_about_the_past_neither_dates_nor_places_the_event(gazetteer) -> None:
    text = (
        "On Friday a Russian missile struck a warehouse in Izium, which has been a garrison "
        "town since the occupation of Kharkiv in 2014."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, str(event.event_date)) == ("Izium", "2024-05-10")


@pytest.mark.parametrize(
    "text",
    [
        "In Stepove, Russian attacks on the village center on Friday killed one person.",
        "On Friday Stepove came under heavy fire from across the river.",
    ],
)
def test_a_round_ups_words_for_strikes_on_a_town_are_attacks(gazetteer, text) -> None:
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepove", S.SHELLING_ARTILLERY_MISSILE)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Ukraine said it had liberated Stepove near the Kharkiv-Zaporizhzhia border.",
        "On Friday Ukraine said it had liberated Stepove on the bank of the Lozove Vody River.",
    ],
)
def test_a_border_between_regions_and_a_rivers_name_are_no_places(gazetteer, text) -> None:
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_a_sentence_glued_to_the_next_is_still_two_sentences() -> None:
    from tracker.extract.text import split_sentences

    text = (
        "The ministry said so in a statement.Ukrainian troops lost up to 40 men. Gen.Ivanov left."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "The ministry said so in a statement.",
        "Ukrainian troops lost up to 40 men.",
        "Gen.Ivanov left.",
    ]


@pytest.mark.parametrize("unit", ["Battlegroup Zaporizhzhia", "the Zaporizhzhia Group of Forces"])
def test_a_battlegroup_named_like_a_town_is_no_place(gazetteer, unit) -> None:
    text = f"On Friday units of {unit} liberated the village of Stepove, the ministry said."
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_towns_listed_as_front_sectors_are_no_event_places(gazetteer) -> None:
    text = (
        "On Friday fighting went on near Stepove, and hostilities continued in the "
        "Kharkiv, Izium and Zaporizhzhia directions, the General Staff said."
    )
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_a_seasons_story_is_no_event(gazetteer) -> None:
    text = "Since this summer, Russian sabotage groups have entered Izium but failed to take it."
    assert _events(gazetteer, text) == []


def test_search_and_strike_operations_are_no_strike(gazetteer) -> None:
    text = "On Friday search-and-strike operations went on near Izium."
    assert all(
        e.sub_event_type is not S.SHELLING_ARTILLERY_MISSILE for e in _events(gazetteer, text)
    )


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On Friday the Russian Defence Ministry claimed that its air defence systems had "
            "downed 12 Ukrainian drones in the Kursk region.",
            "Military Forces of Russia (2000-)",
        ),
        (
            "On Friday Ukraine's air force said it shot down 20 Russian drones over the Kharkiv "
            "region.",
            "Military Forces of Ukraine (2019-)",
        ),
    ],
)
def test_a_shoot_down_is_the_defenders_and_the_downed_weapons_the_others(gazetteer, text, actor1):
    [event] = _events(gazetteer, text)
    assert event.sub_event_type is S.DISRUPTED_WEAPONS_USE
    assert event.actor1 == actor1 and event.actor2 not in (None, actor1)


def test_the_regions_of_a_list_are_regions_not_their_capitals(gazetteer) -> None:
    text = "On Friday Russia said it downed drones over its border regions of Kursk and Kharkiv."
    assert {(e.location, e.geo_precision) for e in _events(gazetteer, text)} == {
        ("Kursk Oblast", 3),
        ("Kharkiv Oblast", 3),
    }


def test_sporadic_attacks_are_a_pattern_not_an_event(gazetteer) -> None:
    text = (
        "Since Ukraine launched its offensive, waves of drone attacks have sporadically hit Kursk."
    )
    assert _events(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Friday Ukrainian units advanced south of the village of Stepove.", "Stepove"),
        ("On Friday Ukrainian troops gained ground near the village of Stepove.", "Stepove"),
    ],
)
def test_advances_south_of_a_village_are_clashes(gazetteer, text, place) -> None:
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == (place, S.ARMED_CLASH)


def test_a_regional_council_is_an_office_not_an_event_place(gazetteer) -> None:
    text = "On Friday a member of the Kharkiv regional council said the counterattack failed."
    assert all(e.location != "Kharkiv" for e in _events(gazetteer, text))


def test_an_army_recently_recapturing_a_village_is_background(gazetteer) -> None:
    text = "The Ukrainian army recently recaptured the village of Stepove after weeks of fighting."
    assert _events(gazetteer, text) == []


def test_the_links_to_other_stories_under_a_header_report_nothing(gazetteer) -> None:
    text = (
        "On Friday a missile hit Stepove, the governor said.\n"
        "Related\n"
        "Drones hit Izium overnight, three injured\n"
        "12:40, 01.05.2024\n"
    )
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove"}


def test_the_story_goes_on_after_a_short_list_of_links(gazetteer) -> None:
    text = (
        "On Friday a missile hit Stepove, the governor said.\n"
        "Read more\n"
        "Drones hit Izium overnight\n"
        "Later on Friday Russian artillery shelled the village of Lozove in the Kharkiv region.\n"
    )
    assert {e.location for e in _events(gazetteer, text)} == {"Stepove", "Lozove"}


def test_arrivals_over_a_town_are_hits(gazetteer) -> None:
    [event] = _events(gazetteer, "On Friday there were 40 arrivals over Stepove.")
    assert event.sub_event_type is S.SHELLING_ARTILLERY_MISSILE


def test_waves_of_missiles_in_one_night_are_an_event(gazetteer) -> None:
    text = "On Friday night Russia sent waves of missiles and drones against Kharkiv."
    assert {e.location for e in _events(gazetteer, text)} == {"Kharkiv"}


def test_what_the_regional_governor_of_a_city_reports_is_the_oblasts(gazetteer) -> None:
    text = (
        "Oleh Petrenko, the regional governor of Kharkiv, said on Friday a Russian strike hit "
        "a residential building, killing two people."
    )
    [event] = _events(gazetteer, text)
    assert (event.location, event.geo_precision) == ("Kharkiv Oblast", 3)


def test_the_owner_of_the_downed_weapons_is_actor2_wherever_it_happened(gazetteer) -> None:
    text = "On Friday Russia said it destroyed 19 Ukrainian drones over the Zaporizhzhia region."
    [event] = _events(gazetteer, text)
    assert (event.actor1, event.actor2) == (
        "Military Forces of Russia (2000-)",
        "Military Forces of Ukraine (2019-)",
    )


def test_the_orlov_region_is_oryol(gazetteer) -> None:
    text = "On Friday Russia said it downed three drones over the Kursk and Orlov regions."
    assert {e.location for e in _events(gazetteer, text)} == {"Kursk Oblast", "Oryol Oblast"}


def test_killed_due_to_a_drone_attack_is_the_attack_not_a_forecast(gazetteer) -> None:
    text = "On Friday a man was killed in the village of Stepove due to a Russian drone attack."
    [event] = _events(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Stepove", S.AIR_DRONE_STRIKE)


def test_a_talk_due_to_begin_is_still_a_plan(gazetteer) -> None:
    assert _events(gazetteer, "Talks on the attacks on Stepove are due to begin on Friday.") == []
