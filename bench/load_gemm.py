"""Background load for bench/check.ts --load: 3000 x 3000 matrix products in a loop on every core
(numpy's OpenBLAS threads = cores), until killed or until its parent is gone (a benchmark killed
while it waits on a child never gets to kill this one).
"""
import os

import numpy as np

parent = os.getppid()
a = np.random.default_rng(0).standard_normal((3000, 3000))
while os.getppid() == parent:
    b = a @ a
