"""Regenerate numpy_fixtures.json from real numpy's legacy RandomState.

Usage: python3 make_fixtures.py > numpy_fixtures.json
json.dumps writes floats with repr, so doubles round-trip exactly.
"""
import json

import numpy as np


def ints(a):
    return [int(v) for v in a]


def floats(a):
    return [float(v) for v in a]


rs = np.random.RandomState
out = {"numpy_version": np.__version__}

out["random_sample"] = {str(s): floats(rs(s).random_sample(10)) for s in (0, 1, 42, 2**32 - 1)}

out["randint"] = []
for seed, low, high, n in ((0, 0, 10, 20), (1, 5, 1000, 20), (42, 0, 2**31, 5), (42, 0, 1, 3)):
    r = rs(seed)
    values = ints(r.randint(low, high, n))
    # The value after tells whether the right number of draws was consumed (none for a zero range).
    out["randint"].append({"seed": seed, "low": low, "high": high, "size": n,
                           "values": values, "next_random": float(r.random_sample())})

# Scalar calls, including the full 2^32 range (raw 32-bit draws) and the one-bound form.
r = rs(3)
calls = ((0, 2**32), (-2**31, 2**31), (-5, 5), (7,), (2**31 - 3, 2**31 + 3))
out["randint_scalar_seed3"] = [{"args": list(c), "value": int(r.randint(*c))} for c in calls]

p = rs(42).permutation(25000)
out["permutation_25000_seed42"] = {"first": ints(p[:20]), "last": ints(p[-5:])}
out["permutation_455_seed42"] = ints(rs(42).permutation(455))
r = rs(42)
out["normal_301_seed42"] = {"values": floats(r.normal(0, 1, 301)), "next_random": float(r.random_sample())}

r = rs(42)
out["mixed_seed42"] = {
    "normal3": floats(r.normal(size=3)),
    "permutation10": ints(r.permutation(10)),
    "random": float(r.random_sample()),
    "normal2": floats(r.normal(size=2)),
}

out["uniform_m1_2_7_seed42"] = floats(rs(42).uniform(-1, 2, 7))

a = np.arange(20)
rs(42).shuffle(a)
out["shuffle_arange20_seed42"] = ints(a)

print(json.dumps(out, indent=1))
