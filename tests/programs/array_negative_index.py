"""Negative indices count from the end for reads, writes and augmented assignment, in 1-D and 2-D arrays."""


def last_minus_first(a):
    return a[-1] - a[-len(a)]


def set_from_end(a, k, v):
    a[-k] = v
    return a[len(a) - k]


def bump_last(a):
    a[-1] += 10
    a[-2] -= 1
    return a[-1] * a[-2]


def corner_sum(m):
    return m[0, 0] + m[0, -1] + m[-1, 0] + m[-1, -1]


def last_row_last(m):
    return m[-1][-1] * 100 + m[-2][0]


# run: last_minus_first([1.0, 4.0, 9.0]) -> 8.0
# run: last_minus_first([5]) -> 0
# run: set_from_end([1, 2, 3, 4], 1, 40) -> 40
# after: [1, 2, 3, 40], 1, 40
# run: set_from_end([1, 2, 3, 4], 4, 10) -> 10
# after: [10, 2, 3, 4], 4, 10
# run: bump_last([1, 2, 3]) -> 13
# after: [1, 1, 13]
# run: bump_last([0.5, 0.25]) -> -5.125
# after: [-0.5, 10.25]
# run: corner_sum([[1, 2, 3], [4, 5, 6]]) -> 14
# run: corner_sum([[7]]) -> 28
# run: last_row_last([[1, 2], [3, 4], [5, 6]]) -> 603
