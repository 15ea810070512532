"""The national job in polars: read the extracts, map small areas to service areas through
the lookups, aggregate by each indicator's method, rank nationally and within districts,
write the indicator table.

    python job_polars.py JOB_JSON OUTPUT_CSV

The methods and the ranking rule are AreaNeeds's (README, Methods); see peers/README.md.
"""
import json
import os
import sys

import polars as pl

ROLES = ("numerator", "denominator", "value", "population", "decile")


def number(column):
    """A figure published as text: thousands separators dropped; markers ("..", "c", "[x]")
    and anything else that is not a number become null."""
    return pl.col(column).str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False)


def main(job_path, output_path):
    base = os.path.dirname(os.path.abspath(job_path))
    with open(job_path) as f:
        job = json.load(f)

    spec = job["areas"]
    areas = pl.read_csv(os.path.join(base, spec["file"]), infer_schema=False,
                        columns=[spec["code"], spec["district_code"]]).rename(
        {spec["code"]: "area_code", spec["district_code"]: "district_code"})
    lookups = {}
    for level, lookup in job["lookups"].items():
        frame = pl.read_csv(os.path.join(base, lookup["file"]), infer_schema=False)
        weight = pl.col(lookup["weight"]).cast(pl.Float64) if "weight" in lookup else pl.lit(1.0)
        lookups[level] = frame.select(pl.col(lookup["code"]).alias("small_area"), pl.col(lookup["area"]).alias("area_code"), weight.alias("w"))
    # A district figure goes to every service area of the district.
    lookups["district"] = areas.select(pl.col("district_code").alias("small_area"), "area_code", pl.lit(1.0).alias("w"))

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
            frame = pl.read_csv(os.path.join(base, file), skip_rows=indicator["header_line"] - 1, infer_schema=False,
                                columns=columns, truncate_ragged_lines=True)
            sources[file] = frame.select(pl.col(columns[0]).alias("code"), *[number(c) for c in columns[1:]]).filter(pl.col("code").is_not_null())

    figures = []
    for indicator in job["indicators"]:
        method = indicator["method"]
        x, n, v, p, d = (pl.col(indicator[role]) if indicator.get(role) else None for role in ROLES)
        rows = sources[indicator["file"]].join(lookups[indicator["geography"]], left_on="code", right_on="small_area")
        w = pl.col("w")
        if method == "rate":
            rows = rows.filter((x >= 0) & (n >= 0))
            value = (w * x).sum() / (w * n).sum() * (indicator["scale"] or 1)
            value = pl.when((w * n).sum() > 0).then(value)
        elif method in ("weighted-mean", "median"):
            rows = rows.filter(v.is_finite() & (p >= 0))
            value = pl.when((p * w).sum() > 0).then((p * w * v).sum() / (p * w).sum())
        elif method in ("average-rank", "extent"):
            count = indicator["national_count"]
            rows = rows.filter((p >= 0) & v.is_between(1, count) & (v == v.floor()))
            if method == "average-rank":
                score = count + 1 - v
            else:
                # The IoD extent weight of national percentile c = ⌈100 r / N⌉, in integers.
                c = (100 * v.cast(pl.Int64) + count - 1) // count
                score = pl.when(c <= 10).then(1.0).when(c <= 30).then((19 + 18 * (30 - c)) / 380).otherwise(0.0)
            value = pl.when((p * w).sum() > 0).then((p * w * score).sum() / (p * w).sum())
        elif method == "share-in-most-deprived-decile":
            rows = rows.filter(d.is_between(1, 10) & (d == d.floor()))
            value = (w * (d == 1).cast(pl.Float64)).sum() / w.sum()
        elif method == "inherit":
            rows = rows.filter(v.is_finite())
            value = pl.when(v.min() == v.max()).then(v.min())
        else:
            raise SystemExit(f"unknown method {method}")
        figures.append(rows.group_by("area_code").agg(value.alias("value")).with_columns(pl.lit(indicator["id"]).alias("indicator_id")))

    indicators = pl.DataFrame({
        "indicator_id": [i["id"] for i in job["indicators"]],
        "position": list(range(len(job["indicators"]))),
        # need 1 = greatest need: the highest value when higher is worse
        "direction": [-1.0 if i["polarity"] == "higher-is-worse" else 1.0 for i in job["indicators"]],
    })
    needs = (areas.join(indicators, how="cross")
             .join(pl.concat(figures, how="diagonal"), on=["area_code", "indicator_id"], how="left")
             .with_columns((pl.col("direction") * pl.col("value")).alias("need_order")))

    def quintile(rank, count):
        # max_horizontal skips nulls: an area without a rank must stay without a quintile
        return pl.when(rank.is_not_null()).then(pl.max_horizontal(pl.lit(1), 6 - ((count + 1 - rank) * 5 + count - 1) // count))

    def rank(*group):
        # no ranking without variation: at least five figures, not all the same
        ranked = (pl.col("value").count().over(*group) >= 5) & (pl.col("value").min().over(*group) < pl.col("value").max().over(*group))
        return pl.when(ranked).then(pl.col("need_order").rank("min").over(*group).cast(pl.Int64))

    needs = needs.with_columns(
        rank("indicator_id").alias("need_rank"),
        pl.col("value").count().over("indicator_id").alias("n"),
        rank("indicator_id", "district_code").alias("district_need_rank"),
        pl.col("value").count().over("indicator_id", "district_code").alias("dn"),
    ).with_columns(
        quintile(pl.col("need_rank"), pl.col("n")).alias("need_quintile"),
        quintile(pl.col("district_need_rank"), pl.col("dn")).alias("district_need_quintile"),
    )
    (needs.sort("area_code", "position")
     .select("area_code", "indicator_id", "value", "need_rank", "need_quintile", "district_need_rank", "district_need_quintile")
     .write_csv(output_path))


if __name__ == "__main__":
    main(*sys.argv[1:3])
