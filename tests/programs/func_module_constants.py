"""Module constants (ints, floats, bools, constant expressions of earlier constants and math constants) are frozen into compiled code."""
import math

N = 10
SCALE = 2.5
DEBUG = False
VERBOSE = not DEBUG
N2 = N * N + 1
HALF = SCALE / 2
MASK = (1 << 8) - 1
TWO_PI = 2 * math.pi
BIG = 0x7FFF_FFFF_FFFF_FFFF
NEG = -N // 3


def scaled_sum(a):
    s = 0.0
    for i in range(min(N, len(a))):
        s += a[i] * SCALE
    if DEBUG:
        print("debug", s)
    return s


def constants():
    print(N, SCALE, DEBUG, VERBOSE, N2, HALF)
    print(MASK, BIG, NEG)
    return TWO_PI


def masked(x):
    if VERBOSE:
        print("masking", x)
    return x & MASK


def circle(r):
    return TWO_PI * r * HALF


# run: scaled_sum([1.0, 2.0, 3.0]) -> 15.0
# run: scaled_sum([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]) -> 25.0
# run: constants() -> 6.283185307179586
# out: 10 2.5 False True 101 1.25
# out: 255 9223372036854775807 -4
# run: masked(1000) -> 232
# out: masking 1000
# run: masked(-1) -> 255
# out: masking -1
# run: circle(2.0) -> 15.707963267948966
