"""numpy reference for bench/diagnose-large.ts: full SVD (values only) + the power-law fit.

    python3 bench/large_numpy.py <layer.npy>
Prints JSON: seconds (SVD + fit), svdSeconds, cpuSeconds (process CPU time of SVD + fit: the fair
measure on a loaded machine with OPENBLAS_NUM_THREADS=1), alpha, xmin, n (tail points). The fit is
bench/diagnose_numpy.py's fit_powerlaw (rmtkit's fitPowerLaw, same definitions).
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from diagnose_numpy import esd, fit_powerlaw  # noqa: E402

W = np.load(sys.argv[1])
t0 = time.perf_counter()
c0 = time.process_time()
N, M, ev = esd(W)
svd_seconds = time.perf_counter() - t0
fit = fit_powerlaw(ev)
seconds = time.perf_counter() - t0
cpu_seconds = time.process_time() - c0
print(json.dumps({'numpy': np.__version__, 'seconds': seconds, 'svdSeconds': svd_seconds,
                  'cpuSeconds': cpu_seconds, 'alpha': fit['alpha'],
                  'xmin': fit.get('xmin'), 'n': int(np.count_nonzero(ev >= fit.get('xmin', np.inf)))}))
