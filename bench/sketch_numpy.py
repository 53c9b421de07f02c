"""numpy/scipy side of bench/sketch.ts: the same problems, read from the .npy files it wrote.

Usage: python3 bench/sketch_numpy.py '{"task": "lstsq", "dir": ..., "repeat": 3}'
Prints one JSON object: best seconds and the accuracy measured with the same formulas as rmtkit.
"""
import json
import sys
import time

import numpy as np


def best(f, repeat):
    t = float("inf")
    out = None
    for _ in range(repeat):
        start = time.perf_counter()
        out = f()
        t = min(t, time.perf_counter() - start)
    return t, out


def norm_estimate(a, steps=20):
    v = np.random.default_rng(0).standard_normal(a.shape[1])
    for _ in range(steps):
        v /= np.linalg.norm(v)
        av = a @ v
        v = a.T @ av
    return np.linalg.norm(av)


def lstsq(job):
    a = np.load(job["dir"] + "/A.npy")
    b = np.load(job["dir"] + "/b.npy")
    seconds, x = best(lambda: np.linalg.lstsq(a, b, rcond=None)[0], job["repeat"])
    r = b - a @ x
    backward = np.linalg.norm(a.T @ r) / (norm_estimate(a) * np.linalg.norm(r))
    return {"seconds": seconds, "backwardError": float(backward), "residualNorm": float(np.linalg.norm(r))}


def countsketch(job):
    """S·A for a SASO/OSNAP sketch with k nonzeros per column, S in scipy's CSC format (the
    fastest layout for S @ A); construction not timed."""
    import scipy.sparse

    a = np.load(job["dir"] + "/A.npy")
    m, l, k = a.shape[0], job["l"], job["vecNnz"]
    rng = np.random.default_rng(0)
    rows = np.concatenate([rng.choice(l, k, replace=False) for _ in range(m)])
    values = rng.choice([-1.0, 1.0], m * k) / np.sqrt(k)
    s = scipy.sparse.csc_matrix((values, rows, np.arange(0, m * k + 1, k)), shape=(l, m))
    seconds, _ = best(lambda: s @ a, job["repeat"])
    return {"seconds": seconds}


def svd(job):
    a = np.load(job["dir"] + "/A.npy")
    seconds, _ = best(lambda: np.linalg.svd(a, full_matrices=False), job["repeat"])
    return {"seconds": seconds}


if __name__ == "__main__":
    job = json.loads(sys.argv[1])
    result = {"lstsq": lstsq, "svd": svd, "countsketch": countsketch}[job["task"]](job)
    result["numpy"] = np.__version__
    print(json.dumps(result))
