"""np.pow, np.copysign, np.hypot, np.fmod on scalars: NaN and inf where math raises."""
import numpy as np


def npow(x, y):
    return np.pow(x, y)


def ncs(x, y):
    return np.copysign(x, y)


def nhy(x, y):
    return np.hypot(x, y)


def nfm(x, y):
    return np.fmod(x, y)


# run: npow(2.0, 10.0) -> 1024.0
# run: npow(0.0, -1.0) -> inf
# run: npow(-0.0, -1.0) -> -inf
# run: npow(-8.0, 0.3333333333333333) -> nan
# run: npow(2.0, 10000.0) -> inf
# run: npow(nan, 0.0) -> 1.0
# run: npow(2.0, -1) -> 0.5
# run: ncs(3.0, -0.0) -> -3.0
# run: ncs(-2.0, 1.0) -> 2.0
# run: ncs(inf, -1.0) -> -inf
# run: ncs(4, -1) -> -4.0
# run: nhy(3.0, 4.0) -> 5.0
# run: nhy(inf, nan) -> inf
# run: nhy(1e308, 1e308) -> 1.4142135623730951e+308
# run: nhy(3, 4) -> 5.0
# run: nfm(5.5, 2.0) -> 1.5
# run: nfm(-5.5, 2.0) -> -1.5
# run: nfm(1.0, 0.0) -> nan
# run: nfm(inf, 1.0) -> nan
# run: nfm(-0.0, 3.0) -> -0.0
# run: nfm(7.0, -inf) -> 7.0
