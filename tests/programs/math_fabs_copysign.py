"""math.fabs and math.copysign: always floats, and the sign of zero and of nan."""
import math


def fa(x):
    return math.fabs(x)


def cs(x, y):
    return math.copysign(x, y)


def sign_of_negated_nan():
    x = math.nan
    return math.copysign(1.0, -x)


def is_negative_zero(x):
    return x == 0.0 and math.copysign(1.0, x) < 0.0


# run: fa(-2.5) -> 2.5
# run: fa(-0.0) -> 0.0
# run: fa(-inf) -> inf
# run: fa(nan) -> nan
# run: fa(-7) -> 7.0
# run: fa(0) -> 0.0
# run: cs(3.0, -0.0) -> -3.0
# run: cs(-3.0, 0.0) -> 3.0
# run: cs(0.0, -1.0) -> -0.0
# run: cs(inf, -2.0) -> -inf
# run: cs(nan, -1.0) -> nan
# run: cs(1.0, nan) -> 1.0
# run: cs(5, -1) -> -5.0
# run: cs(-5, 0) -> 5.0
# run: sign_of_negated_nan() -> -1.0
# run: is_negative_zero(-0.0) -> True
# run: is_negative_zero(0.0) -> False
# run: is_negative_zero(-1.0) -> False
