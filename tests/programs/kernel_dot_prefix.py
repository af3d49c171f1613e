"""Dot product and inclusive prefix sum over float64 arrays, as benchmark kernels write them."""


def dot(x, y, n):
    s = 0.0
    for i in range(n):
        s += x[i] * y[i]
    return s


def prefix_sum(a, out, n):
    s = 0.0
    for i in range(n):
        s += a[i]
        out[i] = s


def dot_lengths(x, y):
    return dot(x, y, min(len(x), len(y)))


# run: dot([1.0, 2.0, 3.0], [4.0, -5.0, 6.0], 3) -> 12.0
# run: dot([1.0, 2.0], [3.0, 4.0], 0) -> 0.0
# run: dot([0.1, 0.2, 0.3], [0.1, 0.2, 0.3], 3) -> 0.14
# run: dot([1e200, 1e200], [1e200, -1e200], 2) -> nan
# run: dot([1.0, 2.0], [3.0, 4.0], 3) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 7)
# run: dot_lengths([1.0, 2.0, 3.0], [2.0, 2.0]) -> 6.0
# run: prefix_sum([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 4) -> None
# after: [1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 6.0, 10.0], 4
# run: prefix_sum([0.1, 0.2, 0.3], [9.0, 9.0, 9.0], 2) -> None
# after: [0.1, 0.2, 0.3], [0.1, 0.30000000000000004, 9.0], 2
# run: prefix_sum([1.0], [0.0], 0) -> None
