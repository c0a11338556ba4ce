"""Geographic coordinates: where someone lives, to a few metres.

A pair of decimals is only coordinates when it is plausible as one: latitude within +-90,
longitude within +-180, and enough decimal places (four places is about ten metres; prices and
scores have two). Hemisphere letters, degree signs or a "lat/lon" label make it certain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.recognizer import Recognizer, TextFacts

_NUM_LAT = r"[+\-\u2212]?\d{1,2}\.\d{2,8}"
_NUM_LON = r"[+\-\u2212]?\d{1,3}\.\d{2,8}"
_DEG = r"(?:[ \u00a0]?(?:°|º|deg))?"
_DECIMAL_PAIR = re.compile(
    rf"(?<![\w.\-])(?P<lat>{_NUM_LAT}){_DEG}(?:[ \u00a0]?(?P<ns>[NSns](?![a-z])))?"
    rf"[ \u00a0]{{0,2}}[,;/ ][ \u00a0]{{0,2}}"
    rf"(?P<lon>{_NUM_LON}){_DEG}(?:[ \u00a0]?(?P<ew>[EWew](?![a-z])))?(?![\w]|\.\d)",
)
_LABELLED = re.compile(
    rf"(?<![a-z])lat(?:itude)?\.?[ \u00a0]{{0,2}}[:=]?[ \u00a0]{{0,2}}(?P<lat>{_NUM_LAT}){_DEG}"
    rf"[ \u00a0]{{0,2}}[,;/]?[ \u00a0]{{0,2}}(?:(?:and|&)[ \u00a0]{{1,2}})?"
    rf"(?:lon|lng|long|longitude)\.?[ \u00a0]{{0,2}}[:=]?"
    rf"[ \u00a0]{{0,2}}(?P<lon>{_NUM_LON}){_DEG}(?![\w]|\.\d)",
    re.IGNORECASE,
)
_DMS_PART = (
    r"\d{1,3}[ \u00a0]?°[ \u00a0]?\d{1,2}[ \u00a0]?['′’][ \u00a0]?"
    r"(?:\d{1,2}(?:\.\d+)?[ \u00a0]?[\"″”])?"
)
_DMS = re.compile(
    rf"(?<![\w.]){_DMS_PART}[ \u00a0]?[NSns][ \u00a0,;]{{0,3}}{_DMS_PART}[ \u00a0]?[EWew](?![a-z])"
)
GEO_CUE = Cue(
    [
        "coordinates",
        "coords",
        "gps",
        "location",
        "located",
        "geo",
        "lat",
        "latitude",
        "pin",
        "dropped",
        "map",
        "position",
        "lives",
        "house",
        "home",
    ],
    before=40,
    after=16,
)
MONEY_CUE = Cue(
    [
        "$",
        "usd",
        "eur",
        "price",
        "prices",
        "cost",
        "score",
        "scores",
        "version",
        "rate",
        "ratio",
        "odds",
        "between",
        # measurements: a lab's "reads 41.2875, 12.3344" is not a place
        "reads",
        "reading",
        "readings",
        "measured",
        "measurement",
        "measurements",
        "values",
        "mean",
        "average",
        "avg",
        "sample",
        "samples",
        # the same in the languages of the posts Redline reads most
        "medidas",
        "medias",
        "mesurées",
        "moyennes",
        "moyenne",
        "messwerte",
        "mittel",
        "medie",
        "misure",
        "gemiddeld",
        "gemiddelde",
        "średnia",
        "průměr",
        "medel",
        "média",
        "平均",
    ],
    before=20,
    after=0,
)


def _number(raw: str) -> float:
    return float(raw.replace("\u2212", "-"))


def _decimals(raw: str) -> int:
    return len(raw.split(".", 1)[1]) if "." in raw else 0


class GeoCoordinatesRecognizer(Recognizer):
    """Latitude/longitude pairs in decimal degrees, labelled, or degrees-minutes-seconds."""

    name = "geo_coordinates"
    version = "1.0"
    entities = ("GEO_COORDINATES",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Every form needs a decimal point or a degree sign."""
        return "°" in text or text.count(".") >= 2  # a pair of decimals has two points

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield plausible coordinate pairs."""
        for match in _LABELLED.finditer(text) if "lat" in facts.lowered else ():
            if self._in_range(match.group("lat"), match.group("lon")):
                yield Candidate(
                    "GEO_COORDINATES",
                    match.start("lat"),
                    match.end(),
                    0.95,
                    "labelled latitude/longitude",
                    match.group(0).lower(),
                )
        for match in _DMS.finditer(text) if "°" in text else ():
            yield Candidate(
                "GEO_COORDINATES",
                match.start(),
                match.end(),
                0.9,
                "degrees-minutes-seconds pair",
                match.group(0),
            )
        for match in _DECIMAL_PAIR.finditer(text) if text.count(".") >= 2 else ():
            lat, lon = match.group("lat"), match.group("lon")
            if not self._in_range(lat, lon):
                continue
            places = min(_decimals(lat), _decimals(lon))
            score = {2: 0.2, 3: 0.45}.get(places, 0.7)
            why = [f"{places} decimal places"]
            if match.group("ns") or match.group("ew") or "°" in match.group(0):
                score += 0.25
                why.append("hemisphere or degree sign")
            if (cue := GEO_CUE.near(text, match.start(), match.end())) is not None:
                score += 0.2
                why.append(f"context {cue!r}")
            if MONEY_CUE.before_span(text, match.start()):
                score -= 0.4
                why.append("preceded by a money or score word")
            yield Candidate(
                "GEO_COORDINATES",
                match.start(),
                match.end(),
                clamp(score),
                "; ".join(why),
                f"{_number(lat):.4f},{_number(lon):.4f}",
            )

    @staticmethod
    def _in_range(lat: str, lon: str) -> bool:
        return abs(_number(lat)) <= 90 and abs(_number(lon)) <= 180
