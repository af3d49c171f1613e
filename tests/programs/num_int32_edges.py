"""int32 edges as NumPy defines them: powers, shifts by large or negative counts, min value negation, exact comparison with big ints."""
import numpy as np


def ipow(x, k):
    return np.int32(x) ** np.int32(k)


def lit_pow(x):
    return np.int32(x) ** 10


def shl(x, n):
    return np.int32(x) << np.int32(n)


def shr(x, n):
    return np.int32(x) >> np.int32(n)


def negate(x):
    return -np.int32(x) + abs(np.int32(x))


def less(x, k):
    return np.int32(x) < k


def same(x, k):
    return np.int32(x) == k


def to_python(x):
    return float(np.int32(x)) / 2 + int(np.int32(x))


# run: ipow(2, 10) -> np.int32(1024)
# run: ipow(-3, 3) -> np.int32(-27)
# run: ipow(2, 40) -> np.int32(0)
# run: ipow(7, 0) -> np.int32(1)
# run: ipow(2, -1) -> raises ValueError: Integers to negative integer powers are not allowed. (line 6)
# run: lit_pow(3) -> np.int32(59049)
# run: lit_pow(-9) -> np.int32(-808182895)
# run: shl(7, 3) -> np.int32(56)
# run: shl(7, 33) -> np.int32(0)
# run: shl(-1, 31) -> np.int32(-2147483648)
# run: shl(1, -1) -> np.int32(0)
# run: shr(-100, 3) -> np.int32(-13)
# run: shr(-100, 40) -> np.int32(-1)
# run: shr(100, 40) -> np.int32(0)
# run: negate(-5) -> np.int32(10)
# run: negate(-2147483648) -> np.int32(0)
# run: less(5, 3000000000) -> True
# run: less(5, -3000000000) -> False
# run: same(-1, -1) -> True
# run: same(-1, 4294967295) -> False
# run: to_python(-7) -> -10.5
