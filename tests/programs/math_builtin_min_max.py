"""Builtin min and max of two or more numbers: ties and signed zeros keep the first, nan depends on position."""


def mn(a, b):
    return min(a, b)


def mx(a, b):
    return max(a, b)


def mn3(a, b, c):
    return min(a, b, c)


def mx4(a, b, c, d):
    return max(a, b, c, d)


def clamp(x, lo, hi):
    return max(lo, min(x, hi))


# run: mn(3, -2) -> -2
# run: mx(3, -2) -> 3
# run: mn(1.5, 2.5) -> 1.5
# run: mn(-0.0, 0.0) -> -0.0
# run: mn(0.0, -0.0) -> 0.0
# run: mx(0.0, -0.0) -> 0.0
# run: mx(-0.0, 0.0) -> -0.0
# run: mx(nan, 1.0) -> nan
# run: mx(1.0, nan) -> 1.0
# run: mn(nan, 1.0) -> nan
# run: mn(1.0, nan) -> 1.0
# run: mx(-inf, inf) -> inf
# run: mn(1.0, 2) -> 1.0
# run: mn3(3, 1, 2) -> 1
# run: mn3(2.0, 1.0, 1.0) -> 1.0
# run: mn3(5.0, nan, 1.0) -> 1.0
# run: mx4(1, 7, 7, -3) -> 7
# run: mx4(-1.0, -5.0, -0.5, -inf) -> -0.5
# run: clamp(5.0, 0.0, 1.0) -> 1.0
# run: clamp(-3, 0, 10) -> 0
# run: clamp(0.5, 0.0, 1.0) -> 0.5
# run: clamp(nan, 0.0, 1.0) -> 0.0
# run (deviation 2): mx(3, 2.5) -> 3.0
