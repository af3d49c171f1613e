"""int32 arithmetic: weak Python ints keep int32, int64 array elements promote to int64, overflow wraps as in NumPy."""
import numpy as np


def add(x, k):
    return np.int32(x) + k


def mul_lit(x):
    return np.int32(x) * 3 - 1


def with_element(x, a):
    return np.int32(x) + a[0]


def div(x, y):
    return np.int32(x) / np.int32(y)


def floor_ops(x, y):
    a = np.int32(x)
    b = np.int32(y)
    return a // b * 1000 + a % b


def shifts(x):
    a = np.int32(x)
    return (a << 4) ^ (a >> 1) & 255 | ~a


def convert(x):
    return np.int32(x)


# run: add(5, 7) -> np.int32(12)
# run: add(-5, -2147483643) -> np.int32(-2147483648)
# run: add(5, 3000000000) -> raises OverflowError: Python integer 3000000000 out of bounds for int32 (line 6)
# run: add(5, -2147483649) -> raises OverflowError: Python integer -2147483649 out of bounds for int32 (line 6)
# run: add(2147483647, 1) -> np.int32(-2147483648)
# run: mul_lit(1000000000) -> np.int32(-1294967297)
# run: mul_lit(-7) -> np.int32(-22)
# run: with_element(2147483647, [1]) -> 2147483648
# run: div(7, 2) -> 3.5
# run: div(-7, 0) -> -inf
# run: floor_ops(7, 2) -> np.int32(3001)
# run: floor_ops(-7, 2) -> np.int32(-3999)
# run: floor_ops(7, -2) -> np.int32(-4001)
# run: floor_ops(7, 0) -> np.int32(0)
# run: shifts(1000) -> np.int32(-393)
# run: shifts(-1000) -> np.int32(-15377)
# run: convert(-2147483648) -> np.int32(-2147483648)
# run: convert(2147483648) -> raises OverflowError: Python integer 2147483648 out of bounds for int32 (line 33)
