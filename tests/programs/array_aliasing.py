"""A function whose array arguments may be one array: the optimizing tier
runs a version with `restrict` pointers only when their memory is disjoint,
so passing one array twice gives CPython's element-by-element result. (Only
a function with a loop nest gets that version: `for _ in range(reps)`.)"""
import numpy as np


def total(a):
    s = 0.0
    for x in a:
        s += x
    return s


def shift_into(src, dst, n):
    for _ in range(1):
        for i in range(n):
            dst[i + 1] = src[i]
    return dst[n]


def shift_self(n):
    a = np.zeros(n + 1)
    for i in range(n + 1):
        a[i] = i * 1.0
    last = shift_into(a, a, n)
    return last + total(a)


def shift_other(n):
    a = np.zeros(n + 1)
    b = np.zeros(n + 1)
    for i in range(n + 1):
        a[i] = i * 1.0
    last = shift_into(a, b, n)
    return last + total(b)


def add_into(a, b, out, n):
    for _ in range(1):
        for i in range(n):
            out[i] = a[i] + b[i]
    return out[n - 1]


def accumulate_self(n):
    a = np.ones(n)
    for _ in range(3):
        add_into(a, a, a, n)
    return total(a)


def accumulate_partly(n):
    a = np.ones(n)
    b = np.ones(n)
    add_into(a, b, a, n)
    add_into(b, a, b, n)
    return total(a) * 100.0 + total(b)


def scale_rows(src, dst, n):
    # Rows indexed by constants only: the restrict version also assumes
    # rows of 2, and runs only when both arrays have them.
    for _ in range(1):
        for i in range(n):
            dst[i, 0] = src[i, 0] * 2.0
            dst[i, 1] = src[i, 1] * 2.0
    return dst[n - 1, 1]


# run: shift_self(40) -> 0.0
# run: shift_other(40) -> 819.0
# run: shift_into([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 3) -> 3.0
# after: [1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 3.0], 3
# run: shift_into([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0], 3) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 18)
# after: [1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0], 3
# run: accumulate_self(37) -> 296.0
# run: accumulate_partly(37) -> 7511.0
# run: scale_rows([[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]], 2) -> 8.0
# after: [[1.0, 2.0], [3.0, 4.0]], [[2.0, 4.0], [6.0, 8.0]], 2
# run: scale_rows([[1.0, 2.0, 9.0], [3.0, 4.0, 9.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], 2) -> 8.0
# after: [[1.0, 2.0, 9.0], [3.0, 4.0, 9.0]], [[2.0, 4.0, 0.0], [6.0, 8.0, 0.0]], 2
# run: scale_rows([[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], 2) -> 8.0
# after: [[1.0, 2.0], [3.0, 4.0]], [[2.0, 4.0, 0.0], [6.0, 8.0, 0.0]], 2
# run: scale_rows([[1.0], [3.0]], [[0.0, 0.0], [0.0, 0.0]], 2) -> raises IndexError: index 1 is out of bounds for axis 1 with size 1 (line 67)
# after: [[1.0], [3.0]], [[2.0, 0.0], [0.0, 0.0]], 2
# run: scale_rows([[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]], 3) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 66)
# after: [[1.0, 2.0], [3.0, 4.0]], [[2.0, 4.0], [6.0, 8.0]], 3
