"""[0.0] * n, [0] * n and [False] * n make arrays of that element type inside a function."""


def float_list(n):
    a = [0.0] * n
    for i in range(n):
        a[i] = i / 2
    return a


def int_list(n):
    a = [0] * n
    for i in range(n):
        a[i] = i * i - 3
    return a


def sieve_flags(n):
    composite = [False] * n
    for i in range(2, n):
        for j in range(2 * i, n, i):
            composite[j] = True
    return composite


def count_digits(a):
    counts = [0] * 10
    for x in a:
        counts[x % 10] += 1
    return counts


def ones_list(n):
    a = [1.5] * n
    s = 0.0
    for x in a:
        s += x
    return s


# run: float_list(4) -> [0.0, 0.5, 1.0, 1.5]
# run: float_list(0) -> []
# run: int_list(5) -> [-3, -2, 1, 6, 13]
# run: int_list(-2) -> []
# run: sieve_flags(10) -> [False, False, False, False, True, False, True, False, True, True]
# run: count_digits([12, 7, 22, 100, -3]) -> [1, 0, 2, 0, 0, 0, 0, 2, 0, 0]
# run: ones_list(4) -> 6.0
