"""numpy reference for bench/trial-parts.ts: CPU seconds of each part of bench/reproduce_numpy.py's trial.

Usage: python3 bench/trial_parts_numpy.py '{"d": 500, "alpha": 2, "rho": 0.5, "lambda": 0.1, "trials": 60, "warmup": 10}'
Prints JSON {"sample": [...], "fit": [...], "error": [...]}: per warm trial, the AR(1) sample
(standard normals and the recursion), the fit with its training error (Gram, dpotrf + dpotri, the
column norms) and the exact generalisation error (I − Â = Q diag(Q)⁻¹, one product, the trace),
the same operations as reproduce_numpy.py's trial.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reproduce_numpy import fit, generalisation, point, sample  # noqa: E402


def main():
    a = json.loads(sys.argv[1])
    d, n, rho, lam, sigma = point(a)
    rng = np.random.default_rng(0)
    parts = {"sample": [], "fit": [], "error": []}
    for t in range(a["warmup"] + a["trials"]):
        start = time.process_time()
        x = sample(rng, d, n, rho)
        sampled = time.process_time()
        q, dq, _ = fit(x, lam)
        fitted = time.process_time()
        generalisation(q, dq, sigma)
        done = time.process_time()
        if t >= a["warmup"]:
            parts["sample"].append(sampled - start)
            parts["fit"].append(fitted - sampled)
            parts["error"].append(done - fitted)
    print(json.dumps(parts))


if __name__ == "__main__":
    main()
