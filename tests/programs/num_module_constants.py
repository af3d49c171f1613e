"""Module constants, including constant expressions of earlier constants and math constants, used in arithmetic."""
import math
from math import pi, inf

N = 10
SCALE = 2.5
DEBUG = False
HALF = SCALE / 2
MASK = 0xFF
BIG = 1 << 40
TAU2 = 2 * pi
NEG = -N
LIMIT = inf


def scaled(x):
    return x * SCALE + HALF - N


def masked(x):
    return (x & MASK) + BIG // N + NEG


def angle(turns):
    if DEBUG:
        print("debug")
    return turns * TAU2 - math.tau * turns + pi


def capped(x):
    return min(x, LIMIT) if x < N else float(N)


# run: scaled(4) -> 1.25
# run: scaled(-0.5) -> -10.0
# run: masked(1000) -> 109951162999
# run: masked(-1) -> 109951163022
# run: angle(3) -> 3.141592653589793
# run: angle(0.25) -> 3.141592653589793
# run: capped(3.5) -> 3.5
# run: capped(10) -> 10.0
# run: capped(-inf) -> -inf
# run (deviation 2): capped(3) -> 3.0
