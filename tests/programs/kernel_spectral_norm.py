"""Spectral norm of the benchmark's infinite matrix A truncated to n x n, by power iteration on A^T A."""
import math
import numpy as np


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def a_times_u(u, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s


def at_times_u(u, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s


def ata_times_u(u, out, tmp, n):
    a_times_u(u, tmp, n)
    at_times_u(tmp, out, n)


def spectral_norm(n, iterations):
    u = np.ones(n)
    v = np.zeros(n)
    tmp = np.zeros(n)
    for k in range(iterations):
        ata_times_u(u, v, tmp, n)
        ata_times_u(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


# run: eval_a(0, 0) -> 1.0
# run: eval_a(2, 3) -> 0.05555555555555555
# run: spectral_norm(5, 10) -> 1.2612176161833646
# run: spectral_norm(1, 1) -> 1.0
# run: spectral_norm(5, 0) -> nan
# run: spectral_norm(0, 3) -> raises ZeroDivisionError: float division by zero (line 43)
