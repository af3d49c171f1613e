"""Plain-Python numeric kernels: the baseline suite for pyjit.

Every kernel is written the way a user of a JIT for a Python subset writes
it: explicit loops over indices, scalar arithmetic, NumPy arrays (1-D and
2-D, C-contiguous) passed in and written in place, results returned as
Python scalars.  Nothing here uses NumPy's vectorised operations, so the same
source runs unchanged under CPython, under ``numba.njit`` and (the goal)
under pyjit, and ``ref_c/kernels.c`` holds a hand-written C twin of each.

Only constructs listed in ``shared/LANGUAGE.md`` are used: ``def``,
``for ... in range``, ``while``, ``if``, ``int()``, ``math.sqrt``,
``a[i]`` / ``a[i, j]`` indexing, calls between module functions and
recursion.  Each kernel leaves its outputs fully determined by its inputs
(it clears or initialises what it accumulates into), so calling it twice
gives the same result.  ``nbody`` is the exception: it advances the state it
is given, so the harness restores ``pos``/``vel`` before each timed call.
"""

from math import sqrt


# ---------------------------------------------------------------- vectors


def vector_add(a, b, out, n):
    """out[i] = a[i] + b[i] (float32 in the suite)."""
    for i in range(n):
        out[i] = a[i] + b[i]


def saxpy(a, x, y, out, n):
    """out[i] = a * x[i] + y[i]; ``a`` is a float32 scalar."""
    for i in range(n):
        out[i] = a * x[i] + y[i]


def dot(x, y, n):
    """Sum of x[i] * y[i], accumulated left to right in float64."""
    s = 0.0
    for i in range(n):
        s += x[i] * y[i]
    return s


def prefix_sum(a, out, n):
    """Inclusive scan: out[i] = a[0] + ... + a[i]."""
    s = 0.0
    for i in range(n):
        s += a[i]
        out[i] = s


def stencil1d(a, out, n):
    """3-point smoothing stencil; the two end points are copied."""
    out[0] = a[0]
    out[n - 1] = a[n - 1]
    for i in range(1, n - 1):
        out[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1]


def histogram(x, counts, n, nbins):
    """Count x[i] in [0, 1) into ``nbins`` equal bins (int64 counts)."""
    for b in range(nbins):
        counts[b] = 0
    for i in range(n):
        b = int(x[i] * nbins)
        counts[b] += 1


# ---------------------------------------------------------------- 2-D arrays


def gemm(A, B, C, n):
    """C = A @ B for n x n float64 matrices, naive i-j-k triple loop."""
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += A[i, k] * B[k, j]
            C[i, j] = s


def jacobi2d(u, unew, n):
    """One 5-point Jacobi sweep over the interior of an n x n grid."""
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            unew[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


def nbody(pos, vel, mass, n, steps, dt):
    """``steps`` leapfrog-style steps of softened gravity on n bodies.

    ``pos`` and ``vel`` are (n, 3) float64 arrays, advanced in place.  The
    i == j term is not skipped: with softening it adds exactly 0.0.
    """
    eps = 0.01
    for _ in range(steps):
        for i in range(n):
            ax = 0.0
            ay = 0.0
            az = 0.0
            xi = pos[i, 0]
            yi = pos[i, 1]
            zi = pos[i, 2]
            for j in range(n):
                dx = pos[j, 0] - xi
                dy = pos[j, 1] - yi
                dz = pos[j, 2] - zi
                r2 = dx * dx + dy * dy + dz * dz + eps
                f = mass[j] / (r2 * sqrt(r2))
                ax += f * dx
                ay += f * dy
                az += f * dz
            vel[i, 0] += dt * ax
            vel[i, 1] += dt * ay
            vel[i, 2] += dt * az
        for i in range(n):
            pos[i, 0] += dt * vel[i, 0]
            pos[i, 1] += dt * vel[i, 1]
            pos[i, 2] += dt * vel[i, 2]


# ---------------------------------------------------------------- spectral norm


def eval_A(i, j):
    """Entry (i, j) of the infinite matrix of the spectral-norm benchmark."""
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j) * u[j]
        out[i] = s


def eval_At_times_u(u, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(j, i) * u[j]
        out[i] = s


def eval_AtA_times_u(u, out, tmp, n):
    eval_A_times_u(u, tmp, n)
    eval_At_times_u(tmp, out, n)


def spectral_norm(n, u, v, tmp):
    """The benchmarks-game spectral norm: 10 power iterations of A^T A."""
    for i in range(n):
        u[i] = 1.0
    for _ in range(10):
        eval_AtA_times_u(u, v, tmp, n)
        eval_AtA_times_u(v, u, tmp, n)
    vBv = 0.0
    vv = 0.0
    for i in range(n):
        vBv += u[i] * v[i]
        vv += v[i] * v[i]
    return sqrt(vBv / vv)


# ---------------------------------------------------------------- scalar / integer


def mandelbrot(width, height, max_iter):
    """Escape-time iteration over a width x height grid of [-2,1] x [-1.5,1.5].

    Returns the total number of iterations over all points.
    """
    total = 0
    for py in range(height):
        y0 = -1.5 + 3.0 * py / height
        for px in range(width):
            x0 = -2.0 + 3.0 * px / width
            x = 0.0
            y = 0.0
            it = 0
            while it < max_iter and x * x + y * y <= 4.0:
                xt = x * x - y * y + x0
                y = 2.0 * x * y + y0
                x = xt
                it += 1
            total += it
    return total


# pyjit has no uint8 arrays and stores only True and False into a bool array,
# so ``flags`` is a bool array here: the one change from shared/bench/kernels.py.
def sieve(flags, N):
    """Sieve of Eratosthenes in ``flags`` (bool, length N); count of primes < N."""
    for i in range(N):
        flags[i] = True
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < N:
        if flags[i] != 0:
            j = i * i
            while j < N:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for i in range(N):
        if flags[i] != 0:
            count += 1
    return count


def fib(n):
    """Doubly recursive Fibonacci."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def collatz_max(N):
    """Largest number of Collatz steps to reach 1 over starts 1 .. N-1."""
    best = 0
    for start in range(1, N):
        x = start
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best:
            best = steps
    return best


if __name__ == "__main__":
    print("fib(20) =", fib(20))
    print("collatz_max(1000) =", collatz_max(1000))
