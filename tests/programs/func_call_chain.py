"""Functions call other functions of the module, defined before or after them, and pass arrays along."""
import math


def norm(a):
    return math.sqrt(sum_squares(a))


def sum_squares(a):
    s = 0.0
    for x in a:
        s += square(x)
    return s


def square(x):
    return x * x


def normalize(a):
    n = norm(a)
    if n == 0.0:
        return 0.0
    scale_in_place(a, 1.0 / n)
    return n


def scale_in_place(a, k):
    for i in range(len(a)):
        a[i] *= k


def clamp(x, lo, hi):
    return max_of(lo, min_of(x, hi))


def min_of(a, b):
    return a if a < b else b


def max_of(a, b):
    return a if a > b else b


# run: norm([3.0, 4.0]) -> 5.0
# run: norm([]) -> 0.0
# run: normalize([3.0, 0.0, -4.0]) -> 5.0
# after: [0.6000000000000001, 0.0, -0.8]
# run: normalize([0.0, 0.0]) -> 0.0
# run: clamp(5, 0, 10) -> 5
# run: clamp(-5, 0, 10) -> 0
# run: clamp(50, 0, 10) -> 10
# run: clamp(0.5, 0.0, 1.0) -> 0.5
