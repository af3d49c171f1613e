"""math.sin, math.cos, math.tan: ordinary values, signed zero, ints, and ValueError on infinities."""
import math


def s(x):
    return math.sin(x)


def c(x):
    return math.cos(x)


def t(x):
    return math.tan(x)


def pythagoras(x):
    return math.sin(x) ** 2 + math.cos(x) ** 2


# run: s(0.5) -> 0.479425538604203
# run: s(0.0) -> 0.0
# run: s(-0.0) -> -0.0
# run: s(3.141592653589793) -> 1.2246467991473532e-16
# run: s(1e22) -> -0.8522008497671888
# run: s(2) -> 0.9092974268256817
# run: s(inf) -> raises ValueError: math domain error (line 6)
# run: s(-inf) -> raises ValueError: math domain error (line 6)
# run: s(nan) -> nan
# run: c(0.5) -> 0.8775825618903728
# run: c(-0.0) -> 1.0
# run: c(1.5707963267948966) -> 6.123233995736766e-17
# run: c(-3) -> -0.9899924966004454
# run: c(inf) -> raises ValueError: math domain error (line 10)
# run: c(nan) -> nan
# run: t(0.5) -> 0.5463024898437905
# run: t(-0.0) -> -0.0
# run: t(1.5707963267948966) -> 1.633123935319537e+16
# run: t(-inf) -> raises ValueError: math domain error (line 14)
# run: t(nan) -> nan
# run: pythagoras(0.7) -> 1.0
