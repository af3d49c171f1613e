"""2-D arrays: a[i, j] and a[i][j] reads and writes, shape[0] and shape[1], row-major layout."""


def trace(m):
    t = 0.0
    for i in range(min(m.shape[0], m.shape[1])):
        t += m[i, i]
    return t


def transpose_sum(m):
    s = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s = s * 2 + m[i][j] * (i + 1) - m[i, j] * j
    return s


def set_border(m, v):
    rows = m.shape[0]
    cols = m.shape[1]
    for j in range(cols):
        m[0, j] = v
        m[rows - 1][j] = v
    for i in range(rows):
        m[i][0] = v
        m[i, cols - 1] = v
    return rows * cols


def row_major(m):
    k = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = k
            k += 1
    return m[m.shape[0] - 1][0]


# run: trace([[1.0, 2.0], [3.0, 4.0]]) -> 5.0
# run: trace([[1.0, 2.0, 3.0]]) -> 1.0
# run: trace([[2.5], [1.0], [7.0]]) -> 2.5
# run: transpose_sum([[1, 2, 3], [4, 5, 6]]) -> 50
# run: set_border([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]], 0) -> 12
# after: [[0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]], 0
# run: set_border([[5.0]], -1.5) -> 1
# after: [[-1.5]], -1.5
# run: row_major([[0, 0, 0], [0, 0, 0]]) -> 3
# after: [[0, 1, 2], [3, 4, 5]]
