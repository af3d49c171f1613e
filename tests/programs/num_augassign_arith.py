"""Augmented assignment with every arithmetic operator, on ints and floats."""


def int_ops(x, k):
    x += k
    x -= 3
    x *= k
    x //= 4
    x %= 1000
    x **= 2
    return x


def float_ops(x, k):
    x += k
    x -= 0.5
    x *= k
    x /= 4
    x //= 0.25
    x %= 7.5
    x **= 0.5
    return x


def true_div_int(x, k):
    x /= k
    return x


def compound(n):
    s = 1
    for i in range(1, n):
        s *= 3
        s %= 1000003
        s += i
    return s


# run: int_ops(10, 7) -> 576
# run: int_ops(-10, 7) -> 978121
# run: int_ops(-10, -7) -> 1225
# run: int_ops(10, 0) -> 0
# run: float_ops(10.0, 2.0) -> 0.7071067811865476
# run: float_ops(-10.0, 3.0) -> 2.6457513110645907
# run: float_ops(1.0, 0.0) -> 0.0
# run: float_ops(inf, 1.0) -> nan
# run: true_div_int(7.0, 2) -> 3.5
# run: true_div_int(7.0, 0) -> raises ZeroDivisionError: float division by zero (line 26)
# run: compound(100) -> 277305
# run: compound(1) -> 1
