"""Augmented assignment to array elements (+= -= *= /= //= %= and bit operators) keeps the array's dtype."""


def accumulate(a, v):
    for i in range(len(a)):
        a[i] += v
        a[i] *= 2
        a[i] -= 1
    return a[0]


def int_ops(a):
    a[0] //= 3
    a[1] %= 4
    a[2] <<= 2
    a[3] &= 6
    a[4] |= 8
    a[5] ^= 5
    a[6] **= 2
    return a[0] + a[1]


def float_ops(a):
    a[0] /= 4
    a[1] //= 2.0
    a[2] %= -3.0
    a[3] **= 0.5
    return a[0] + a[1] + a[2] + a[3]


def grid_add(m, v):
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] += v * i
            m[i][j] -= j
    return m[1, 1]


def div_zero(a):
    a[0] //= 0
    return a[0]


# run: accumulate([1.0, 2.0], 0.5) -> 2.0
# after: [2.0, 4.0], 0.5
# run: accumulate([1, 2, 3], 4) -> 9
# after: [9, 11, 13], 4
# run: int_ops([10, -7, 3, 13, 1, 12, -5]) -> 4
# after: [3, 1, 12, 4, 9, 9, 25]
# run: int_ops([-10, 7, -3, -1, 0, 0, 0]) -> -1
# after: [-4, 3, -12, 6, 8, 5, 0]
# run: float_ops([1.0, 7.5, 7.0, 16.0]) -> 5.25
# after: [0.25, 3.0, -2.0, 4.0]
# run: float_ops([-1.0, -7.5, -7.0, 0.0]) -> -5.25
# after: [-0.25, -4.0, -1.0, 0.0]
# run: grid_add([[1, 2], [3, 4]], 10) -> 13
# after: [[1, 1], [13, 13]], 10
# run: grid_add([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], 0.25) -> -0.25
# after: [[0.5, -0.5], [0.75, -0.25], [1.0, 0.0]], 0.25
# run: div_zero([5, 6]) -> 0
# after: [0, 6]
