"""Writes to an array argument are visible to the caller; print formats floats as Python does."""
import numpy as np


def scale(a, k):
    for i in range(len(a)):
        a[i] *= k
    print("scaled", len(a), "by", k)
    return a[-1]


def first_missing(a):
    return a[len(a)]


# run: scale([1.0, 2.5, -3.0], 2) -> -6.0
# out: scaled 3 by 2
# after: [2.0, 5.0, -6.0], 2
# run: scale([0.1, 0.2], 3.0) -> 0.6000000000000001
# out: scaled 2 by 3.0
# after: [0.30000000000000004, 0.6000000000000001], 3.0
# run: first_missing([1, 2, 3]) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 13)
