#!/usr/bin/python3
"""Compares the JSON lines of a client with the C# reference, field by field.

    compare.py REFERENCE CANDIDATE NAME

Both files hold proto3 JSON, one response per line, offsets already in UTF-8 bytes. The
writers differ in what the JSON mapping leaves open, so values are compared after making
those choices equal: an absent field equals its default ("", 0, false, [], the *_UNSPECIFIED
enum value); 64-bit integers (begin, end, originalConsumed) compare as numbers whether written
as strings or not; floats (scores, salience, confidence are 32-bit) compare to 1e-6, since
one writer prints the float and another the double it widens to. Exits 1 on any difference
and prints the first ones with their path.
"""

import json
import math
import sys
from typing import Any

INT64_FIELDS = {"begin", "end", "originalConsumed"}
MAX_SHOWN = 10


def canonical(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            c = canonical(v, k)
            if c is not None:
                out[k] = c
        return out or None
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        return items or None
    if key in INT64_FIELDS:
        return int(value) or None
    if isinstance(value, str):
        return None if value == "" or value.endswith("_UNSPECIFIED") else value
    if isinstance(value, bool):
        return value or None
    if isinstance(value, (int, float)):
        return value or None
    return value


def differences(a: Any, b: Any, path: str) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        found = []
        for k in sorted(set(a) | set(b)):
            found += differences(a.get(k), b.get(k), f"{path}.{k}")
        return found
    if isinstance(a, list) and isinstance(b, list):
        found = [] if len(a) == len(b) else [f"{path}: {len(a)} items, expected {len(b)}"]
        for i, (x, y) in enumerate(zip(a, b)):
            found += differences(x, y, f"{path}[{i}]")
        return found
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return [] if math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6) else [f"{path}: {a!r}, expected {b!r}"]
    return [] if a == b else [f"{path}: {a!r}, expected {b!r}"]


def main(reference_path: str, candidate_path: str, name: str) -> int:
    with open(reference_path, encoding="utf-8") as f:
        reference = [json.loads(line) for line in f if line.strip()]
    with open(candidate_path, encoding="utf-8") as f:
        candidate = [json.loads(line) for line in f if line.strip()]
    found = [] if len(reference) == len(candidate) else [f"{len(candidate)} responses, expected {len(reference)}"]
    for i, (expected, actual) in enumerate(zip(reference, candidate)):
        found += differences(canonical(actual), canonical(expected), f"response {i + 1}")
    if found:
        print(f"{name}: {len(found)} differences from the C# reference", file=sys.stderr)
        for line in found[:MAX_SHOWN]:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"{name}: {len(reference)} responses equal to the C# reference")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
