"""math.sinh, math.cosh, math.tanh: ordinary values, signed zero, infinities, and OverflowError."""
import math


def sh(x):
    return math.sinh(x)


def ch(x):
    return math.cosh(x)


def th(x):
    return math.tanh(x)


def identity(x):
    return math.cosh(x) ** 2 - math.sinh(x) ** 2


# run: sh(1.0) -> 1.1752011936438014
# run: sh(-0.0) -> -0.0
# run: sh(710.0) -> 1.1169973830808557e+308
# run: sh(711.0) -> raises OverflowError: math range error (line 6)
# run: sh(-1000.0) -> raises OverflowError: math range error (line 6)
# run: sh(inf) -> inf
# run: sh(-inf) -> -inf
# run: sh(nan) -> nan
# run: sh(3) -> 10.017874927409903
# run: ch(1.0) -> 1.5430806348152437
# run: ch(-0.0) -> 1.0
# run: ch(-1000.0) -> raises OverflowError: math range error (line 10)
# run: ch(-inf) -> inf
# run: ch(nan) -> nan
# run: th(0.5) -> 0.46211715726000974
# run: th(-0.0) -> -0.0
# run: th(20.0) -> 1.0
# run: th(1000.0) -> 1.0
# run: th(-inf) -> -1.0
# run: th(nan) -> nan
# run: th(-1) -> -0.7615941559557649
# run: identity(2.0) -> 0.9999999999999982
