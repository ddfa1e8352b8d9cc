"""ACLED's world regions by ISO 3166-1 alpha-2 country code (the ``region`` column of ACLED exports)."""

from __future__ import annotations

_REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": (
        "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO PL "
        "PT RO RU SM RS SK SI ES SE CH UA GB VA FO GI GG IM JE"
    ),
    "North America": "CA US GL BM PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AG BS BB CU DM DO GD HT JM KN LC VC TT PR AI AW VG KY CW GP MQ MS BL MF SX TC VI BQ",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU NC PF GU AS MP CK NU TK WF NF",
}

REGION_BY_COUNTRY: dict[str, str] = {
    code: region for region, codes in _REGIONS.items() for code in codes.split()
}


def acled_region(iso2: str | None) -> str:
    """The ACLED region of a country, or an empty string when the country is unknown."""
    return REGION_BY_COUNTRY.get((iso2 or "").upper(), "")
