"""np.empty then filled completely before any read; the result does not depend on the uninitialised contents."""
import numpy as np


def linspace(lo, hi, n):
    a = np.empty(n)
    if n == 1:
        a[0] = lo
        return a
    step = (hi - lo) / (n - 1)
    for i in range(n):
        a[i] = lo + i * step
    return a


def table(n, m):
    t = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            t[i, j] = (i + 1) / (j + 1)
    return t


def running_max(a):
    out = np.empty(len(a))
    best = -np.inf
    for i in range(len(a)):
        if a[i] > best:
            best = a[i]
        out[i] = best
    return out


# run: linspace(0.0, 1.0, 5) -> [0.0, 0.25, 0.5, 0.75, 1.0]
# run: linspace(-1.0, 1.0, 1) -> [-1.0]
# run: linspace(0.0, 1.0, 0) -> []
# run: table(2, 3) -> [[1.0, 0.5, 0.3333333333333333], [2.0, 1.0, 0.6666666666666666]]
# run: running_max([3.0, 1.0, 4.0, 1.0, 5.0]) -> [3.0, 3.0, 4.0, 4.0, 5.0]
# run: running_max([]) -> []
