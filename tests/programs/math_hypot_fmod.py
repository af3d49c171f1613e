"""math.hypot and math.fmod: ints, infinities beating nan in hypot, and fmod's sign and domain errors."""
import math


def hy(x, y):
    return math.hypot(x, y)


def fm(x, y):
    return math.fmod(x, y)


def fmod_vs_mod(x, y):
    return math.fmod(x, y) - x % y


# run: hy(3.0, 4.0) -> 5.0
# run: hy(3, 4) -> 5.0
# run: hy(-5.0, 0.0) -> 5.0
# run: hy(1e200, 1e200) -> 1.414213562373095e+200
# run: hy(1e-200, 1e-200) -> 1.414213562373095e-200
# run: hy(1e308, 1e308) -> 1.4142135623730951e+308
# run: hy(inf, nan) -> inf
# run: hy(nan, -inf) -> inf
# run: hy(nan, 1.0) -> nan
# run: hy(-0.0, -0.0) -> 0.0
# run: fm(5.5, 2.0) -> 1.5
# run: fm(-5.5, 2.0) -> -1.5
# run: fm(5.5, -2.0) -> 1.5
# run: fm(-0.0, 1.0) -> -0.0
# run: fm(7, 3) -> 1.0
# run: fm(-7, 3) -> -1.0
# run: fm(5.0, inf) -> 5.0
# run: fm(-5.0, -inf) -> -5.0
# run: fm(1.0, 0.0) -> raises ValueError: math domain error (line 10)
# run: fm(1, 0) -> raises ValueError: math domain error (line 10)
# run: fm(inf, 1.0) -> raises ValueError: math domain error (line 10)
# run: fm(nan, 1.0) -> nan
# run: fm(1.0, nan) -> nan
# run: fm(1e300, 3.0) -> 0.0
# run: fmod_vs_mod(-7.5, 2.0) -> -2.0
