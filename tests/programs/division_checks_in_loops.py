"""Divisions by expressions of range variables, whose zero checks the
optimizing tier drops where the ranges prove the divisor is not zero,
some behind a run-time cap on the bound (spectral norm's `eval_A` needs
`n <= 2**30`, or `(i + j) * (i + j + 1)` could wrap). Where the cap fails
the checked loop runs; where the divisor can be zero it raises where
CPython does."""


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def row_sums(n, out):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j)
        out[i] = s


def past_the_cap(n):
    s = 0.0
    for i in range(n):
        for j in range(n):
            s += eval_A(i, j)
            if j >= 2:
                break
        if i >= 2:
            break
    return s


def harmonic(n):
    s = 0.0
    for i in range(1, n):
        s += 1.0 / i
    return s


def shifted(n):
    s = 0.0
    for i in range(n):
        s += 1.0 / (i - 3)
    return s


def remainders(n, a):
    t = 0
    for i in range(1, n):
        t += a % (i * i) + a // (i * i + 1)
    return t


def counting_down(n, stop):
    t = 0
    for i in range(n, stop, -1):
        t += 100 // i
    return t


def nested_triangle(n):
    s = 0.0
    for i in range(1, n):
        for j in range(i):
            s += 1.0 / (i - j)
    return s


# run: row_sums(4, [0.0, 0.0, 0.0, 0.0]) -> None
# after: 4, [1.8928571428571428, 0.7416666666666667, 0.41025641025641024, 0.26406015037593983]
# run: row_sums(0, [0.0]) -> None
# run: row_sums(3, [0.0, 0.0]) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 18)
# after: 3, [1.75, 0.6583333333333333]
# run: past_the_cap(2000000000000) -> 2.7630341880341884
# run: past_the_cap(2) -> 2.033333333333333
# run: harmonic(10) -> 2.8289682539682537
# run: harmonic(0) -> 0.0
# run: shifted(3) -> -1.8333333333333333
# run: shifted(5) -> raises ZeroDivisionError: float division by zero (line 43)
# run: remainders(20, -12345) -> -11321
# run: counting_down(10, 0) -> 291
# run: counting_down(10, -1) -> raises ZeroDivisionError: integer division or modulo by zero (line 57)
# run: counting_down(-3, -10) -> -136
# run: nested_triangle(30) -> 89.84961392761197
