"""Triple-nested reductions: accumulators carried across three loop levels, partial sums reset in an inner loop."""
import numpy as np


def triple_sum(m, n):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            for k in range(n):
                s += m[i, j] * k
    return s


def matmul_trace(a, b):
    # sum_i (a @ b)[i, i], with the partial dot product reset per (i, j)
    t = 0.0
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            partial = 0.0
            for k in range(a.shape[1]):
                partial += a[i, k] * b[k, j]
            if i == j:
                t += partial
    return t


def matmul_total(a, b):
    total = 0
    rows = 0
    for i in range(a.shape[0]):
        row = 0
        for j in range(b.shape[1]):
            dot = 0
            for k in range(a.shape[1]):
                dot += a[i][k] * b[k][j]
            row += dot
        rows += 1
        total = total * 3 + row
    return total - rows


def matmul(a, b):
    c = np.zeros((a.shape[0], b.shape[1]))
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            acc = 0.0
            for k in range(a.shape[1]):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c


def triangle_count(n):
    c = 0
    for i in range(n):
        for j in range(i):
            for k in range(j):
                c += i - j + k
    return c


def max_of_partial(m):
    best = -1e300
    for i in range(m.shape[0]):
        for j in range(i, m.shape[0]):
            part = 0.0
            for k in range(m.shape[1]):
                part += m[i, k] * m[j, k]
            best = max(best, part)
    return best


def nested_with_outer_scale(v, reps):
    s = 0.0
    scale = 1.0
    for r in range(reps):
        for i in range(len(v)):
            inner = 0.0
            for j in range(i + 1):
                inner += v[j]
            s += inner * scale
        scale *= 0.5
    return s


# run: triple_sum([[1.0, 2.0], [3.0, 4.0]], 3) -> 30.0
# run: triple_sum([[1.0, 2.0], [3.0, 4.0]], 0) -> 0.0
# run: triple_sum([[0.5]], 5) -> 5.0
# run: matmul_trace([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]) -> 69.0
# run: matmul_trace([[1.0, 2.0, 3.0]], [[1.0], [1.0], [1.0]]) -> 6.0
# run: matmul_total([[1, 2], [3, 4]], [[5, 6], [7, 8]]) -> 214
# run: matmul_total([[1, -2, 3], [0, 4, -5]], [[1, 0], [2, 1], [-3, 2]]) -> -9
# run: matmul([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]) -> [[19.0, 22.0], [43.0, 50.0]]
# run: matmul([[1.0, 2.0, 3.0]], [[1.0], [2.0], [3.0]]) -> [[14.0]]
# run: matmul([[1.0, 2.0]], [[1.0, 2.0]]) -> raises IndexError: index 1 is out of bounds for axis 0 with size 1 (line 48)
# run: triangle_count(0) -> 0
# run: triangle_count(3) -> 1
# run: triangle_count(10) -> 540
# run: triangle_count(60) -> 1009490
# run: max_of_partial([[1.0, 2.0], [3.0, -4.0], [0.5, 0.5]]) -> 25.0
# run: max_of_partial([[nan, 1.0], [2.0, 3.0]]) -> 13.0
# run: nested_with_outer_scale([1.0, 2.0, 3.0], 2) -> 15.0
# run: nested_with_outer_scale([1.0, 2.0, 3.0], 0) -> 0.0
# run: nested_with_outer_scale([], 3) -> 0.0
