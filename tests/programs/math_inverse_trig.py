"""math.asin, math.acos, math.atan, math.atan2: domain errors, infinities and the signs of zero."""
import math


def as_(x):
    return math.asin(x)


def ac(x):
    return math.acos(x)


def at(x):
    return math.atan(x)


def at2(y, x):
    return math.atan2(y, x)


# run: as_(0.5) -> 0.5235987755982989
# run: as_(-1.0) -> -1.5707963267948966
# run: as_(-0.0) -> -0.0
# run: as_(1) -> 1.5707963267948966
# run: as_(1.0000000000000002) -> raises ValueError: math domain error (line 6)
# run: as_(nan) -> nan
# run: as_(inf) -> raises ValueError: math domain error (line 6)
# run: ac(0.5) -> 1.0471975511965979
# run: ac(1.0) -> 0.0
# run: ac(-1.0) -> 3.141592653589793
# run: ac(2.0) -> raises ValueError: math domain error (line 10)
# run: ac(-2) -> raises ValueError: math domain error (line 10)
# run: ac(nan) -> nan
# run: at(1.0) -> 0.7853981633974483
# run: at(-0.0) -> -0.0
# run: at(inf) -> 1.5707963267948966
# run: at(-inf) -> -1.5707963267948966
# run: at(nan) -> nan
# run: at2(1.0, 1.0) -> 0.7853981633974483
# run: at2(1, -1) -> 2.356194490192345
# run: at2(0.0, -0.0) -> 3.141592653589793
# run: at2(-0.0, -0.0) -> -3.141592653589793
# run: at2(-0.0, 0.0) -> -0.0
# run: at2(0.0, -1.0) -> 3.141592653589793
# run: at2(-0.0, -1.0) -> -3.141592653589793
# run: at2(inf, inf) -> 0.7853981633974483
# run: at2(-inf, -inf) -> -2.356194490192345
# run: at2(1.0, -inf) -> 3.141592653589793
# run: at2(nan, 1.0) -> nan
# run: at2(5.0, 0.0) -> 1.5707963267948966
