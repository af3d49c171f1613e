"""`**` and math.pow with a NaN operand give that NaN itself, sign and all."""
import math


def pow_sign(x, y):
    return math.copysign(1.0, x ** y)


def math_pow_sign(x, y):
    return math.copysign(1.0, math.pow(x, y))


def square_of_negative_nan():
    x = -math.nan
    return math.copysign(1.0, x ** 2.0)


def special(x, y):
    return x ** y + 10.0 * math.pow(x, y)


# run: pow_sign(-nan, 1.0) -> -1.0
# run: pow_sign(nan, 1.0) -> 1.0
# run: pow_sign(-nan, 2.0) -> -1.0
# run: pow_sign(2.0, -nan) -> -1.0
# run: math_pow_sign(-nan, 1.0) -> -1.0
# run: math_pow_sign(-nan, 3.0) -> -1.0
# run: math_pow_sign(3.0, -nan) -> -1.0
# run: square_of_negative_nan() -> -1.0
# run: special(nan, 0.0) -> 11.0
# run: special(1.0, nan) -> 11.0
# run: special(-nan, 0.0) -> 11.0
