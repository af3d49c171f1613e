"""Conditional expressions nested in loops, and min/max of several values with nan: the first of unordered values is kept as CPython compares."""


def clamp_sum(a, lo, hi):
    s = 0.0
    for x in a:
        s += lo if x < lo else (hi if x > hi else x)
    return s


def sign_pattern(n):
    r = 0
    for i in range(-n, n + 1):
        r = r * 3 + (1 if i > 0 else -1 if i < 0 else 0)
    return r


def running_min_max(a):
    lo = a[0]
    hi = a[0]
    for i in range(1, len(a)):
        lo = min(lo, a[i])
        hi = max(a[i], hi)
    return hi - lo


def min_of_four(a, b, c, d):
    return min(a, b, c, d)


def max_of_four(a, b, c, d):
    return max(a, b, c, d)


def running_max_first(a):
    m = a[0]
    for x in a:
        m = max(m, x)
    return m


def running_max_last(a):
    m = a[0]
    for x in a:
        m = max(x, m)
    return m


def mixed_min(n, x):
    r = 0.0
    for i in range(n):
        r += min(i, x, n - i)
    return r


def cond_select_loop(a, b, flip):
    t = 0.0
    for i in range(len(a)):
        t += (a[i] if flip else b[i]) * (2.0 if i % 2 == 0 else -1.0)
        flip = not flip
    return t


def cond_in_condition(n):
    c = 0
    for i in range(n):
        if (i if i % 2 == 0 else -i) > 2:
            c += i
        else:
            c -= 1
    return c


# run: clamp_sum([-5.0, 0.5, 3.0, 10.0], 0.0, 2.0) -> 4.5
# run: clamp_sum([nan, 1.0], 0.0, 2.0) -> nan
# run: clamp_sum([], 0.0, 2.0) -> 0.0
# run: sign_pattern(0) -> 0
# run: sign_pattern(3) -> -1040
# run: running_min_max([3.0, -1.0, 7.5, 2.0]) -> 8.5
# run: running_min_max([nan, 1.0, 2.0]) -> nan
# run: running_min_max([1.0, nan, 5.0]) -> 4.0
# run: running_min_max([1.0, 5.0, nan]) -> nan
# run: running_min_max([]) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 19)
# run: min_of_four(3.0, nan, 1.0, 2.0) -> 1.0
# run: min_of_four(nan, 3.0, 1.0, 2.0) -> nan
# run: min_of_four(0.0, -0.0, 0.0, -0.0) -> 0.0
# run: max_of_four(-0.0, 0.0, nan, -1.0) -> -0.0
# run: max_of_four(1, 5, 3, 5) -> 5
# run: max_of_four(nan, nan, inf, 1.0) -> nan
# run: running_max_first([1.0, nan, 3.0]) -> 3.0
# run: running_max_first([nan, 1.0, 3.0]) -> nan
# run: running_max_last([1.0, nan, 3.0]) -> 3.0
# run: running_max_last([nan, 1.0, 3.0]) -> 3.0
# run: mixed_min(5, 1.5) -> 5.0
# run: mixed_min(0, 1.5) -> 0.0
# run: mixed_min(4, nan) -> 4.0
# run: cond_select_loop([1.0, 2.0, 3.0], [10.0, 20.0, 30.0], True) -> -12.0
# run: cond_select_loop([1.0, 2.0, 3.0], [10.0, 20.0], False) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 59)
# run: cond_in_condition(0) -> 0
# run: cond_in_condition(9) -> 12
