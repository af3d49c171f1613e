"""Float powers: float ** float, int ** float, special operands, 0.0 to a negative power, and overflow."""


def power(a, b):
    return a ** b


def half_power(a):
    return a ** 0.5


def inv(a):
    return a ** -1


# run: power(2.0, 10.0) -> 1024.0
# run: power(2.0, -1.0) -> 0.5
# run: power(2, 0.5) -> 1.4142135623730951
# run: power(2.5, 2) -> 6.25
# run: power(-2.0, 3.0) -> -8.0
# run: power(-2.0, -2.0) -> 0.25
# run: power(-8.0, 3) -> -512.0
# run: power(0.0, 0.0) -> 1.0
# run: power(nan, 0.0) -> 1.0
# run: power(1.0, nan) -> 1.0
# run: power(nan, 1.0) -> nan
# run: power(inf, -1.0) -> 0.0
# run: power(-inf, 3.0) -> -inf
# run: power(-inf, 2.0) -> inf
# run: power(0.5, inf) -> 0.0
# run: power(2.0, -inf) -> 0.0
# run: power(-1.0, inf) -> 1.0
# run: power(-0.0, 3.0) -> -0.0
# run: power(-0.0, 0.5) -> 0.0
# run: power(0.0, -1.0) -> raises ZeroDivisionError: 0.0 cannot be raised to a negative power (line 5)
# run: power(-0.0, -2.0) -> raises ZeroDivisionError: 0.0 cannot be raised to a negative power (line 5)
# run: power(0.0, -inf) -> inf
# run: power(10.0, 400.0) -> raises OverflowError: (34, 'Numerical result out of range') (line 5)
# run: power(10.0, -400.0) -> 0.0
# run: half_power(16.0) -> 4.0
# run: half_power(2) -> 1.4142135623730951
# run: half_power(0.0) -> 0.0
# run: half_power(inf) -> inf
# run: inv(4.0) -> 0.25
# run: inv(-0.5) -> -2.0
# run: inv(0.0) -> raises ZeroDivisionError: 0.0 cannot be raised to a negative power (line 13)
