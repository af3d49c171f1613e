"""Writes to an array argument are visible to the caller afterwards, also when nothing is returned."""


def normalize_max(a):
    m = a[0]
    for x in a:
        if x > m:
            m = x
    for i in range(len(a)):
        a[i] = a[i] / m
    return m


def zero_negatives(a):
    changed = 0
    for i in range(len(a)):
        if a[i] < 0:
            a[i] = 0
            changed += 1
    return changed


def swap_rows(m, r, s):
    for j in range(m.shape[1]):
        t = m[r, j]
        m[r, j] = m[s, j]
        m[s, j] = t


def copy_into(src, dst):
    for i in range(min(len(src), len(dst))):
        dst[i] = src[i]


def fail_halfway(a):
    for i in range(len(a) + 1):
        a[i] = -a[i]
    return 0


# run: normalize_max([2.0, 8.0, -4.0]) -> 8.0
# after: [0.25, 1.0, -0.5]
# run: normalize_max([0.0, 0.0]) -> 0.0
# after: [nan, nan]
# run: zero_negatives([3, -1, 0, -7]) -> 2
# after: [3, 0, 0, 0]
# run: zero_negatives([1, 2]) -> 0
# run: swap_rows([[1, 2], [3, 4], [5, 6]], 0, 2) -> None
# after: [[5, 6], [3, 4], [1, 2]], 0, 2
# run: swap_rows([[1.5, 2.5]], 0, 0) -> None
# run: copy_into([1.0, 2.0, 3.0], [0.0, 0.0]) -> None
# after: [1.0, 2.0, 3.0], [1.0, 2.0]
# run: copy_into([7, 8], [0, 0, 0]) -> None
# after: [7, 8], [7, 8, 0]
# run: fail_halfway([1, 2, 3]) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 37)
# after: [-1, -2, -3]
