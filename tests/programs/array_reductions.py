"""Hand-written min, max, sum, argmax and mean loops over arrays, including empty arrays, NaN and inf."""
import math


def amin(a):
    m = math.inf
    for x in a:
        if x < m:
            m = x
    return m


def amax_index(a):
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best


def asum(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s


def mean_or_zero(a):
    if len(a) == 0:
        return 0.0
    s = 0.0
    for x in a:
        s += x
    return s / len(a)


def amin_with_first(a, x):
    a[0] = x
    return amin(a)


def sum_with_first(a, x):
    a[0] = x
    return asum(a)


def range_of(a):
    lo = a[0]
    hi = a[0]
    for x in a:
        lo = min(lo, x)
        hi = max(hi, x)
    return hi - lo


# run: amin([3.0, -1.5, 2.0]) -> -1.5
# run: amin([]) -> inf
# run: amin_with_first([0.0, 1.0], nan) -> 1.0
# after: [nan, 1.0], nan
# run: amin_with_first([1.0, 2.0], -0.0) -> -0.0
# after: [-0.0, 2.0], -0.0
# run: amin_with_first([0.0, -1e308], -inf) -> -inf
# after: [-inf, -1e+308], -inf
# run: amax_index([1, 9, 3, 9]) -> 1
# run: amax_index([-5]) -> 0
# run: asum([1, 2, 3, -4]) -> 2
# run: asum([0.1, 0.2, 0.3]) -> 0.6000000000000001
# run: sum_with_first([0.0, 1e308, 1e308], -inf) -> -inf
# after: [-inf, 1e+308, 1e+308], -inf
# run: sum_with_first([0.0, 1e308, 1e308], 0.0) -> inf
# run: mean_or_zero([1.0, 2.0, 4.0]) -> 2.3333333333333335
# run: mean_or_zero([]) -> 0.0
# run: range_of([4, -2, 9, 0]) -> 11
# run: range_of([]) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 48)
