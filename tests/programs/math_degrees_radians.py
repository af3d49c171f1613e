"""math.degrees and math.radians: conversions, ints, special values and round trips."""
import math


def deg(x):
    return math.degrees(x)


def rad(x):
    return math.radians(x)


def round_trip(x):
    return math.degrees(math.radians(x))


def compass(angle):
    return math.sin(math.radians(angle))


# run: deg(3.141592653589793) -> 180.0
# run: deg(1.0) -> 57.29577951308232
# run: deg(-0.0) -> -0.0
# run: deg(1) -> 57.29577951308232
# run: deg(inf) -> inf
# run: deg(nan) -> nan
# run: deg(1e307) -> inf
# run: rad(180.0) -> 3.141592653589793
# run: rad(90) -> 1.5707963267948966
# run: rad(-45.0) -> -0.7853981633974483
# run: rad(-0.0) -> -0.0
# run: rad(-inf) -> -inf
# run: round_trip(33.3) -> 33.3
# run: round_trip(1e-310) -> 1.00000000000054e-310
# run: compass(30) -> 0.49999999999999994
# run: compass(-90.0) -> -1.0
