"""The national job in DuckDB: read the extracts, map small areas to service areas through
the lookups, aggregate by each indicator's method, rank nationally and within districts,
write the indicator table.

    python job_duckdb.py JOB_JSON OUTPUT_CSV

The methods and the ranking rule are AreaNeeds's (README, Methods); see peers/README.md.
"""
import json
import os
import sys

import duckdb

# A figure published as text: thousands separators dropped; markers ("..", "c", "[x]") and
# anything else that is not a number become NULL.
NUMBER = "TRY_CAST(replace({}, ',', '') AS DOUBLE)"


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def literal(text):
    return "'" + text.replace("'", "''") + "'"


def main(job_path, output_path):
    base = os.path.dirname(os.path.abspath(job_path))
    with open(job_path) as f:
        job = json.load(f)
    con = duckdb.connect()

    areas = job["areas"]
    con.execute(f"""
        CREATE TABLE areas AS
        SELECT {quote(areas["code"])} AS area_code, {quote(areas["district_code"])} AS district_code
        FROM read_csv({literal(os.path.join(base, areas["file"]))}, header = true, all_varchar = true)""")
    for level, lookup in job["lookups"].items():
        weight = f"CAST({quote(lookup['weight'])} AS DOUBLE)" if "weight" in lookup else "1.0"
        con.execute(f"""
            CREATE TABLE lookup_{level} AS
            SELECT {quote(lookup["code"])} AS small_area, {quote(lookup["area"])} AS area_code, {weight} AS w
            FROM read_csv({literal(os.path.join(base, lookup["file"]))}, header = true, all_varchar = true)""")
    # A district figure goes to every service area of the district.
    con.execute("CREATE TABLE lookup_district AS SELECT district_code AS small_area, area_code, 1.0 AS w FROM areas")

    # Each extract is read once, with the columns its indicators use.
    sources = {}
    for indicator in job["indicators"]:
        source = sources.setdefault(indicator["file"], {"header_line": indicator["header_line"], "code": indicator["area_code"], "columns": []})
        for role in ("numerator", "denominator", "value", "population", "decile"):
            if indicator.get(role) and indicator[role] not in source["columns"]:
                source["columns"].append(indicator[role])
    for number, (file, source) in enumerate(sources.items()):
        columns = ", ".join(f"{NUMBER.format(quote(column))} AS c{index}" for index, column in enumerate(source["columns"]))
        con.execute(f"""
            CREATE TABLE source_{number} AS
            SELECT {quote(source["code"])} AS code, {columns}
            FROM read_csv({literal(os.path.join(base, file))}, skip = {source["header_line"] - 1}, header = true,
                          all_varchar = true, null_padding = true)
            WHERE {quote(source["code"])} IS NOT NULL""")
        source["table"] = f"source_{number}"

    figures = []
    for indicator in job["indicators"]:
        source = sources[indicator["file"]]

        def column(role):
            return f"s.c{source['columns'].index(indicator[role])}" if indicator.get(role) else "NULL"

        x, n, v, p, d = (column(role) for role in ("numerator", "denominator", "value", "population", "decile"))
        rows = f"{source['table']} s JOIN lookup_{indicator['geography']} l ON l.small_area = s.code"
        method = indicator["method"]
        if method == "rate":
            value = f"CASE WHEN sum(l.w * {n}) > 0 THEN sum(l.w * {x}) / sum(l.w * {n}) * {indicator['scale'] or 1} END"
            usable = f"{x} >= 0 AND {n} >= 0"
        elif method in ("weighted-mean", "median"):
            value = f"CASE WHEN sum({p} * l.w) > 0 THEN sum({p} * l.w * {v}) / sum({p} * l.w) END"
            usable = f"isfinite({v}) AND {p} >= 0"
        elif method in ("average-rank", "extent"):
            count = indicator["national_count"]
            if method == "average-rank":
                score = f"({count} + 1 - {v})"
            else:
                # The IoD extent weight of national percentile c = ⌈100 r / N⌉, in integers.
                c = f"((100 * CAST({v} AS BIGINT) + {count} - 1) // {count})"
                score = f"(CASE WHEN {c} <= 10 THEN 1.0 WHEN {c} <= 30 THEN (19 + 18 * (30 - {c})) / 380.0 ELSE 0.0 END)"
            value = f"CASE WHEN sum({p} * l.w) > 0 THEN sum({p} * l.w * {score}) / sum({p} * l.w) END"
            usable = f"{p} >= 0 AND {v} BETWEEN 1 AND {count} AND {v} = floor({v})"
        elif method == "share-in-most-deprived-decile":
            value = f"sum(l.w * CASE WHEN {d} = 1 THEN 1.0 ELSE 0.0 END) / sum(l.w)"
            usable = f"{d} BETWEEN 1 AND 10 AND {d} = floor({d})"
        elif method == "inherit":
            value = f"CASE WHEN min({v}) = max({v}) THEN min({v}) END"
            usable = f"isfinite({v})"
        else:
            raise SystemExit(f"unknown method {method}")
        figures.append(f"""
            SELECT l.area_code, {literal(indicator["id"])} AS indicator_id, {value} AS value
            FROM {rows} WHERE {usable} GROUP BY l.area_code""")

    indicators = ", ".join(
        f"({literal(i['id'])}, {index}, {-1 if i['polarity'] == 'higher-is-worse' else 1})" for index, i in enumerate(job["indicators"]))
    con.execute(f"""
        CREATE TABLE needs AS
        WITH figures AS ({" UNION ALL ".join(figures)}),
        indicators(indicator_id, position, direction) AS (VALUES {indicators}),
        valued AS (
            SELECT a.area_code, a.district_code, i.indicator_id, i.position, f.value,
                   -- need 1 = greatest need: the highest value when higher is worse
                   i.direction * f.value AS need_order
            FROM areas a CROSS JOIN indicators i
            LEFT JOIN figures f ON f.area_code = a.area_code AND f.indicator_id = i.indicator_id),
        ranked AS (
            -- no ranking without variation: at least five figures, not all the same
            SELECT *,
                   CASE WHEN value IS NOT NULL AND count(value) OVER i >= 5 AND min(value) OVER i < max(value) OVER i
                        THEN rank() OVER (PARTITION BY indicator_id ORDER BY need_order NULLS LAST) END AS r,
                   count(value) OVER i AS n,
                   CASE WHEN value IS NOT NULL AND count(value) OVER d >= 5 AND min(value) OVER d < max(value) OVER d
                        THEN rank() OVER (PARTITION BY indicator_id, district_code ORDER BY need_order NULLS LAST) END AS dr,
                   count(value) OVER d AS dn
            FROM valued
            WINDOW i AS (PARTITION BY indicator_id), d AS (PARTITION BY indicator_id, district_code))
        SELECT area_code, indicator_id, value, r AS need_rank,
               -- greatest() skips NULLs: an area without a rank must stay without a quintile
               CASE WHEN r IS NOT NULL THEN greatest(1, 6 - ((n + 1 - r) * 5 + n - 1) // n) END AS need_quintile,
               dr AS district_need_rank,
               CASE WHEN dr IS NOT NULL THEN greatest(1, 6 - ((dn + 1 - dr) * 5 + dn - 1) // dn) END AS district_need_quintile
        FROM ranked ORDER BY area_code, position""")
    con.execute(f"COPY needs TO {literal(output_path)} (HEADER, DELIMITER ',')")


if __name__ == "__main__":
    main(*sys.argv[1:3])
