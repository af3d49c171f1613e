"""math.floor, math.ceil, math.trunc return ints; inf raises OverflowError and nan ValueError."""
import math


def fl(x):
    return math.floor(x)


def ce(x):
    return math.ceil(x)


def tr(x):
    return math.trunc(x)


def as_index(a, x):
    return a[math.floor(x)] + math.ceil(x) * 10


# run: fl(2.7) -> 2
# run: fl(-2.7) -> -3
# run: fl(-0.5) -> -1
# run: fl(-0.0) -> 0
# run: fl(5) -> 5
# run: fl(-5) -> -5
# run: fl(1e18) -> 1000000000000000000
# run: fl(-9.223372036854776e18) -> -9223372036854775808
# run: fl(inf) -> raises OverflowError: cannot convert float infinity to integer (line 6)
# run: fl(-inf) -> raises OverflowError: cannot convert float infinity to integer (line 6)
# run: fl(nan) -> raises ValueError: cannot convert float NaN to integer (line 6)
# run: ce(2.1) -> 3
# run: ce(-2.9) -> -2
# run: ce(-0.5) -> 0
# run: ce(4.0) -> 4
# run: ce(7) -> 7
# run: ce(inf) -> raises OverflowError: cannot convert float infinity to integer (line 10)
# run: ce(nan) -> raises ValueError: cannot convert float NaN to integer (line 10)
# run: tr(2.9) -> 2
# run: tr(-2.9) -> -2
# run: tr(-0.0) -> 0
# run: tr(-9) -> -9
# run: tr(4503599627370495.5) -> 4503599627370495
# run: tr(-inf) -> raises OverflowError: cannot convert float infinity to integer (line 14)
# run: tr(nan) -> raises ValueError: cannot convert float NaN to integer (line 14)
# run: as_index([10, 20, 30], 1.5) -> 40
# run: as_index([10, 20, 30], -0.5) -> 30
