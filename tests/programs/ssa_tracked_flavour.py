"""What a tracked float local holds (a Python float or a NumPy float64) must follow assignments through swaps, conditional expressions, min/max and helpers: it decides whether dividing by zero raises."""


def swap_track(a, n):
    s = 0.0
    t = a[0]
    for i in range(n):
        s, t = t, s
    print(s)
    return s % 0


def swap_other(a, n):
    s = 0.0
    t = a[0]
    for i in range(n):
        s, t = t, s
    return t / 0


def max_track(a):
    m = 0.0
    for x in a:
        m = max(m, x)
    return m / 0


def min_two(a):
    m = min(1.0, a[0])
    return m / 0


def cond_track(a, flag):
    s = 1.0
    s = a[0] if flag else s
    return s / 0


def neg_track(a):
    s = 0.0
    s += a[0]
    s = -s
    return s / 0


def abs_track(a):
    s = abs(a[0])
    return s / 0


def float_untrack(a):
    s = 0.0
    for i in range(len(a)):
        s = float(a[i])
    return s / 0


def tuple_assign(a, first):
    if first:
        s, t = a[0], 1.0
    else:
        t, s = a[0], 1.0
    return s / 0 + t


def helper(x):
    return x


def through_helper(a):
    s = helper(a[0])
    return s / 0


def last_matching(a, k):
    s = 0.0
    for i in range(len(a)):
        if i == k:
            s = a[i]
    return s // 0


# run: swap_track([3.0], 0) -> raises ZeroDivisionError: float modulo (line 10)
# out: 0.0
# run: swap_track([3.0], 1) -> nan
# out: 3.0
# run: swap_track([3.0], 2) -> raises ZeroDivisionError: float modulo (line 10)
# out: 0.0
# run: swap_other([3.0], 1) -> raises ZeroDivisionError: float division by zero (line 18)
# run: swap_other([3.0], 2) -> inf
# run: swap_other([3.0], 0) -> inf
# run: max_track([1.0]) -> inf
# run: max_track([]) -> raises ZeroDivisionError: float division by zero (line 25)
# max() returns the Python float 0.0 here, and CPython raises
# ZeroDivisionError; to pyjit the result of max() of a Python float and a
# NumPy scalar is a NumPy scalar (deviation 2).
# run (deviation 2): max_track([-1.0]) -> nan
# run: min_two([0.5]) -> inf
# min(1.0, a[0]) returns the Python float 1.0 here (deviation 2 as above).
# run (deviation 2): min_two([2.0]) -> inf
# run: cond_track([2.0], True) -> inf
# `a[0] if flag else s` is the Python float s when flag is false; to pyjit
# a conditional expression of a Python float and a NumPy scalar is a NumPy
# scalar (deviation 2).
# run (deviation 2): cond_track([2.0], False) -> inf
# run: neg_track([2.0]) -> -inf
# run: neg_track([-0.0]) -> nan
# run: abs_track([-2.0]) -> inf
# run: float_untrack([2.0]) -> raises ZeroDivisionError: float division by zero (line 55)
# run: float_untrack([]) -> raises ZeroDivisionError: float division by zero (line 55)
# run: tuple_assign([2.0], True) -> inf
# run: tuple_assign([2.0], False) -> raises ZeroDivisionError: float division by zero (line 63)
# run: through_helper([2.0]) -> inf
# run: through_helper([0.0]) -> nan
# run: last_matching([1.0, 2.0], 1) -> inf
# run: last_matching([1.0, 2.0], 5) -> raises ZeroDivisionError: float floor division by zero (line 80)
# run: last_matching([-1.0, 2.0], 0) -> -inf
