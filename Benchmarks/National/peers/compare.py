"""Checks that every tool wrote the same indicator table: the same rows, values within 1e-9
(relative to the value's size, at least 1), and identical need ranks and quintiles,
national and within districts.

    python compare.py NAME=PATH NAME=PATH ...

The first table is the reference. Prints each disagreement (up to ten per tool) and exits
with 1 when there is any.
"""
import csv
import sys

KEY = ("area_code", "indicator_id")
EXACT = ("need_rank", "need_quintile", "district_need_rank", "district_need_quintile")
TOLERANCE = 1e-9


def read(path):
    with open(path, newline="") as f:
        rows = {}
        for row in csv.DictReader(f):
            rows[(row["area_code"], row["indicator_id"])] = row
        return rows


def number(text):
    return float(text) if text not in ("", None) else None


def rank(text):
    # Ranks are integers; some tools write them as "3.0".
    return int(float(text)) if text not in ("", None) else None


def differences(reference, other):
    for key in sorted(set(reference) | set(other)):
        mine, theirs = reference.get(key), other.get(key)
        if mine is None or theirs is None:
            yield f"{key}: row only in {'the reference' if theirs is None else 'this table'}"
            continue
        a, b = number(mine["value"]), number(theirs["value"])
        if (a is None) != (b is None) or (a is not None and abs(a - b) > TOLERANCE * max(1.0, abs(a), abs(b))):
            yield f"{key}: value {mine['value']!r} vs {theirs['value']!r}"
        for column in EXACT:
            if rank(mine[column]) != rank(theirs[column]):
                yield f"{key}: {column} {mine[column]!r} vs {theirs[column]!r}"


def main(arguments):
    tables = [argument.split("=", 1) for argument in arguments]
    reference_name, reference_path = tables[0]
    reference = read(reference_path)
    failed = False
    for name, path in tables[1:]:
        found = list(differences(reference, read(path)))
        if found:
            failed = True
            print(f"{name} disagrees with {reference_name} on {len(found)} cells, such as:")
            for line in found[:10]:
                print("  " + line)
        else:
            print(f"{name} agrees with {reference_name}: {len(reference)} rows, values within {TOLERANCE:g}, every rank and quintile equal")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
