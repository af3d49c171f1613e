"""Builtin min and max over a 1-D array: first extreme wins, nan depends on position, empty raises ValueError."""


def lo(a):
    return min(a)


def hi(a):
    return max(a)


def lo_with(a, k, x):
    a[k] = x
    return min(a)


def hi_with(a, k, x):
    a[k] = x
    return max(a)


def spread(a):
    return max(a) - min(a)


# run: lo([3.0, -1.0, 2.0]) -> -1.0
# run: hi([3.0, -1.0, 2.0]) -> 3.0
# run: lo([4, 9, -7, 0]) -> -7
# run: hi([4, 9, -7, 0]) -> 9
# run: lo([5.0]) -> 5.0
# run: lo([0.0, -0.0]) -> 0.0
# run: hi([-0.0, 0.0]) -> -0.0
# run: lo_with([0.0, 1.0, 2.0], 0, nan) -> nan
# after: [nan, 1.0, 2.0], 0, nan
# run: lo_with([1.0, 0.0, 0.5], 1, nan) -> 0.5
# after: [1.0, nan, 0.5], 1, nan
# run: hi_with([1.0, 0.0, 2.0], 1, nan) -> 2.0
# after: [1.0, nan, 2.0], 1, nan
# run: hi_with([0.0, -1e308], 0, -inf) -> -1e+308
# after: [-inf, -1e+308], 0, -inf
# run: lo_with([0.0, -1e308], 1, -inf) -> -inf
# after: [0.0, -inf], 1, -inf
# run: hi([True, False]) -> True
# run: lo([]) -> raises ValueError: min() arg is an empty sequence (line 5)
# run: hi([]) -> raises ValueError: max() arg is an empty sequence (line 9)
# run: spread([2, 8, 5]) -> 6
# run: spread([]) -> raises ValueError: max() arg is an empty sequence (line 23)
