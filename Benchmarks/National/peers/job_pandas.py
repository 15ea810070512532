"""The national job in pandas: read the extracts, map small areas to service areas through
the lookups, aggregate by each indicator's method, rank nationally and within districts,
write the indicator table.

    python job_pandas.py JOB_JSON OUTPUT_CSV

The methods and the ranking rule are AreaNeeds's (README, Methods); see peers/README.md.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

ROLES = ("numerator", "denominator", "value", "population", "decile")
# Suppression markers as publishers write them; read as missing.
MARKERS = ["..", ".", "c", "x", "*", "-", ":", "[c]", "[x]", "[z]"]


def main(job_path, output_path):
    base = os.path.dirname(os.path.abspath(job_path))
    with open(job_path) as f:
        job = json.load(f)

    spec = job["areas"]
    areas = pd.read_csv(os.path.join(base, spec["file"]), dtype=str, usecols=[spec["code"], spec["district_code"]]).rename(
        columns={spec["code"]: "area_code", spec["district_code"]: "district_code"})
    lookups = {}
    for level, lookup in job["lookups"].items():
        frame = pd.read_csv(os.path.join(base, lookup["file"]), dtype={lookup["code"]: str, lookup["area"]: str})
        lookups[level] = pd.DataFrame({
            "small_area": frame[lookup["code"]], "area_code": frame[lookup["area"]],
            "w": frame[lookup["weight"]].astype(float) if "weight" in lookup else 1.0})
    # A district figure goes to every service area of the district.
    lookups["district"] = pd.DataFrame({"small_area": areas["district_code"], "area_code": areas["area_code"], "w": 1.0})

    # Each extract is read once, with the columns its indicators use.
    wanted = {}
    for indicator in job["indicators"]:
        columns = wanted.setdefault(indicator["file"], [indicator["area_code"]])
        columns += [indicator[role] for role in ROLES if indicator.get(role) and indicator[role] not in columns]
    sources = {}
    for indicator in job["indicators"]:
        file = indicator["file"]
        if file not in sources:
            columns = wanted[file]
            frame = pd.read_csv(os.path.join(base, file), skiprows=indicator["header_line"] - 1, usecols=columns,
                                dtype={columns[0]: str}, thousands=",", na_values=MARKERS)
            for column in columns[1:]:
                frame[column] = pd.to_numeric(frame[column], errors="coerce")
            sources[file] = frame.dropna(subset=[columns[0]]).rename(columns={columns[0]: "code"})

    figures = []
    for indicator in job["indicators"]:
        method = indicator["method"]
        x, n, v, p, d = (indicator.get(role) for role in ROLES)
        rows = sources[indicator["file"]].merge(lookups[indicator["geography"]], left_on="code", right_on="small_area")
        w = rows["w"]
        if method == "rate":
            rows = rows[(rows[x] >= 0) & (rows[n] >= 0)]
            sums = pd.DataFrame({"area_code": rows["area_code"], "X": rows["w"] * rows[x], "D": rows["w"] * rows[n]}).groupby("area_code").sum()
            value = (sums["X"] / sums["D"] * (indicator["scale"] or 1)).where(sums["D"] > 0)
        elif method in ("weighted-mean", "median", "average-rank", "extent"):
            if method in ("weighted-mean", "median"):
                rows = rows[np.isfinite(rows[v]) & (rows[p] >= 0)]
                score = rows[v]
            else:
                count = indicator["national_count"]
                rows = rows[(rows[p] >= 0) & rows[v].between(1, count) & (rows[v] == np.floor(rows[v]))]
                if method == "average-rank":
                    score = count + 1 - rows[v]
                else:
                    # The IoD extent weight of national percentile c = ⌈100 r / N⌉, in integers.
                    c = (100 * rows[v].astype(np.int64) + count - 1) // count
                    score = pd.Series(np.select([c <= 10, c <= 30], [1.0, (19 + 18 * (30 - c)) / 380], 0.0), index=rows.index)
            people = rows[p] * rows["w"]
            sums = pd.DataFrame({"area_code": rows["area_code"], "P": people, "S": people * score}).groupby("area_code").sum()
            value = (sums["S"] / sums["P"]).where(sums["P"] > 0)
        elif method == "share-in-most-deprived-decile":
            rows = rows[rows[d].between(1, 10) & (rows[d] == np.floor(rows[d]))]
            sums = pd.DataFrame({"area_code": rows["area_code"], "W": rows["w"], "M": rows["w"] * (rows[d] == 1)}).groupby("area_code").sum()
            value = sums["M"] / sums["W"]
        elif method == "inherit":
            rows = rows[np.isfinite(rows[v])]
            spread = rows.groupby("area_code")[v].agg(["min", "max"])
            value = spread["min"].where(spread["min"] == spread["max"])
        else:
            raise SystemExit(f"unknown method {method}")
        figures.append(pd.DataFrame({"area_code": value.index, "indicator_id": indicator["id"], "value": value.to_numpy()}))

    indicators = pd.DataFrame({
        "indicator_id": [i["id"] for i in job["indicators"]],
        "position": range(len(job["indicators"])),
        # need 1 = greatest need: the highest value when higher is worse
        "direction": [-1.0 if i["polarity"] == "higher-is-worse" else 1.0 for i in job["indicators"]],
    })
    needs = areas.merge(indicators, how="cross").merge(pd.concat(figures), on=["area_code", "indicator_id"], how="left")
    needs["need_order"] = needs["direction"] * needs["value"]

    def ranks(by):
        groups = needs.groupby(by)
        count = groups["value"].transform("count")
        # no ranking without variation: at least five figures, not all the same
        ranked = (count >= 5) & (groups["value"].transform("min") < groups["value"].transform("max"))
        rank = groups["need_order"].rank(method="min").where(ranked)
        quintile = np.maximum(1, 6 - ((count + 1 - rank) * 5 + count - 1) // count)
        return rank.astype("Int64"), quintile.astype("Int64")

    needs["need_rank"], needs["need_quintile"] = ranks("indicator_id")
    needs["district_need_rank"], needs["district_need_quintile"] = ranks(["indicator_id", "district_code"])
    (needs.sort_values(["area_code", "position"])
     [["area_code", "indicator_id", "value", "need_rank", "need_quintile", "district_need_rank", "district_need_quintile"]]
     .to_csv(output_path, index=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
