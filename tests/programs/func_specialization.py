"""One function called with ints and with floats is compiled once per argument-type tuple, each with Python's result type."""


def poly(x):
    return 3 * x * x - 2 * x + 1


def halve(x):
    return x / 2


def floor_half(x):
    return x // 2


def combine(a, b):
    return poly(a) + halve(b) + floor_half(a)


def mixed_calls(n):
    return poly(n) + poly(n * 0.5) + floor_half(n) + floor_half(n + 0.5)


# run: poly(2) -> 9
# run: poly(2.0) -> 9.0
# run: poly(-1) -> 6
# run: poly(True) -> 2
# run: halve(7) -> 3.5
# run: halve(7.0) -> 3.5
# run: floor_half(-7) -> -4
# run: floor_half(-7.0) -> -4.0
# run: floor_half(inf) -> nan
# run: combine(3, 5) -> 25.5
# run: combine(3.0, 5) -> 25.5
# run: combine(3, 5.5) -> 25.75
# run: mixed_calls(5) -> 84.75
