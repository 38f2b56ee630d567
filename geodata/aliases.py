"""English exonyms and former names of places, and which place they now mean.

GeoNames carries many of these as alternate names, but not all, and the
embedded gazetteer has fewer alternates than a full dump; this table makes sure
"Kiev", "Artemivsk" or "Dnipropetrovsk" always reach today's place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alias:
    """``alias`` names the place called ``current`` in admin-1 ``admin1_code``."""

    alias: str
    current: str
    admin1_code: str
    country: str = "UA"


def _a(current: str, code: str, *aliases: str) -> tuple[Alias, ...]:
    return tuple(Alias(a, current, code) for a in aliases)


ALIASES: tuple[Alias, ...] = (
    *_a("Kyiv", "12", "Kiev", "Kyyiv", "Kijev", "Kiew", "Kijów"),
    *_a("Kharkiv", "07", "Kharkov", "Charkow", "Charkiw", "Charkov"),
    *_a("Odesa", "17", "Odessa", "Odessa city"),
    *_a("Mykolaiv", "16", "Nikolaev", "Nikolayev", "Mykolayiv", "Mykolajiv"),
    *_a("Bakhmut", "05", "Artemivsk", "Artemovsk", "Artyomovsk"),
    *_a("Dnipro", "04", "Dnipropetrovsk", "Dnepropetrovsk", "Dnepr", "Dnipropetrovs'k"),
    *_a("Kropyvnytskyi", "10", "Kirovohrad", "Kirovograd", "Kropyvnytskyy", "Kirovo"),
    *_a("Lviv", "15", "Lvov", "Lwów", "Lemberg"),
    *_a("Zaporizhzhia", "26", "Zaporozhye", "Zaporizhzhya", "Zaporozhe", "Zaporizja"),
    *_a("Luhansk", "14", "Lugansk", "Voroshilovgrad"),
    *_a("Chernihiv", "02", "Chernigov", "Tsjernihiv"),
    *_a("Rivne", "19", "Rovno"),
    *_a("Kryvyi Rih", "04", "Krivoy Rog", "Kryvyy Rih", "Krivoi Rog"),
    *_a("Sievierodonetsk", "14", "Severodonetsk", "Syeverodonetsk", "Sjevjerodonetsk"),
    *_a("Sloviansk", "05", "Slavyansk", "Slovyansk", "Slaviansk"),
    *_a("Izium", "07", "Izyum", "Izjum"),
    *_a("Kupiansk", "07", "Kupyansk", "Kupjansk"),
    *_a("Toretsk", "05", "Dzerzhinsk", "Dzerzhynsk"),
    *_a("Pokrovsk", "05", "Krasnoarmeysk", "Krasnoarmiisk"),
    *_a("Chornomorsk", "17", "Ilyichevsk", "Illichivsk"),
    *_a("Enerhodar", "26", "Energodar"),
    *_a("Chornobyl", "13", "Chernobyl"),
    *_a("Zhytomyr", "27", "Zhitomir"),
    *_a("Vinnytsia", "23", "Vinnitsa", "Vinnytsya"),
    *_a("Khmelnytskyi", "09", "Khmelnitsky", "Khmelnytskyy", "Proskuriv"),
    *_a("Kremenchuk", "18", "Kremenchug"),
    *_a("Horishni Plavni", "18", "Komsomolsk"),
    *_a("Lysychansk", "14", "Lisichansk"),
    *_a("Lyman", "05", "Krasnyi Lyman", "Krasny Liman"),
    *_a("Kherson", "08", "Cherson"),
    *_a("Chernivtsi", "03", "Chernovtsy", "Czernowitz"),
    *_a("Ternopil", "22", "Ternopol"),
    *_a("Uzhhorod", "25", "Uzhgorod"),
    # not "Stanislav" (its name until 1962): the news means the Kherson Oblast village
    *_a("Ivano-Frankivsk", "06", "Ivano-Frankovsk"),
    *_a("Horlivka", "05", "Gorlovka"),
    *_a("Makiivka", "05", "Makeyevka"),
    *_a("Melitopol", "26", "Melitopol'"),
    *_a("Sumy", "21", "Sumi"),
    *_a("Poltava", "18", "Poltawa"),
    *_a("Cherkasy", "01", "Cherkassy"),
    *_a("Kramatorsk", "05", "Kramatorsk city"),
    *_a("Sevastopol", "20", "Sebastopol"),
    *_a("Simferopol", "11", "Akmescit"),
    # The Zaporizhzhia nuclear plant stands at Enerhodar, 50 km from the city it is named after.
    *_a(
        "Enerhodar",
        "26",
        "Zaporizhzhia Nuclear Power Plant",
        "Zaporizhzhia NPP",
        "Zaporizhia Nuclear Power Plant",
        "ZNPP",
    ),
)
