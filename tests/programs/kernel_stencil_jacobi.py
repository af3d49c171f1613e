"""A 3-point 1-D smoothing stencil and one 5-point 2-D Jacobi sweep over the interior of a grid."""


def stencil1d(a, out, n):
    out[0] = a[0]
    out[n - 1] = a[n - 1]
    for i in range(1, n - 1):
        out[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1]


def jacobi2d(u, unew, n):
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            unew[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


def jacobi_residual(u, unew):
    n = u.shape[0]
    jacobi2d(u, unew, n)
    r = 0.0
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            d = unew[i, j] - u[i, j]
            r += d * d
    return r


# run: stencil1d([0.0, 4.0, 0.0, 8.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0], 5) -> None
# after: [0.0, 4.0, 0.0, 8.0, 0.0], [0.0, 2.0, 3.0, 4.0, 0.0], 5
# run: stencil1d([1.0, 2.0], [0.0, 0.0], 2) -> None
# after: [1.0, 2.0], [1.0, 2.0], 2
# run: stencil1d([5.0], [0.0], 1) -> None
# after: [5.0], [5.0], 1
# run: stencil1d([], [], 0) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 5)
# run: jacobi2d([[0.0, 1.0, 0.0], [2.0, 4.0, 3.0], [0.0, 5.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], 3) -> None
# after: [[0.0, 1.0, 0.0], [2.0, 4.0, 3.0], [0.0, 5.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 2.75, 0.0], [0.0, 0.0, 0.0]], 3
# run: jacobi_residual([[1.0, 1.0, 1.0, 1.0], [1.0, 0.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0]], [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]) -> 1.0
# after: [[1.0, 1.0, 1.0, 1.0], [1.0, 0.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0]], [[0.0, 0.0, 0.0, 0.0], [0.0, 0.5, 0.5, 0.0], [0.0, 0.5, 0.5, 0.0], [0.0, 0.0, 0.0, 0.0]]
