"""NEP 50: Python floats and ints (literals, parameters, constants, len) are weak, so float32 values stay float32."""
import math

import numpy as np

SCALE = 2.5


def double(x):
    y = np.float32(x)
    return y * 2.0


def add_int(x, k):
    return np.float32(x) + k


def affine(x):
    return np.float32(x) * 3 + 0.1


def with_len(x, a):
    return np.float32(x) * len(a)


def with_const(x):
    return np.float32(x) * SCALE + math.pi


def with_param(x, w):
    return np.float32(x) / w - w


# run: double(0.1) -> np.float32(0.2)
# run: double(-0.0) -> np.float32(-0.0)
# run: double(3.4e38) -> np.float32(inf)
# run: double(nan) -> np.float32(nan)
# run: add_int(0.5, 1) -> np.float32(1.5)
# run: add_int(0.5, 16777217) -> np.float32(1.6777216e+07)
# run: add_int(1.0, -9223372036854775808) -> np.float32(-9.223372e+18)
# run: affine(0.1) -> np.float32(0.4)
# run: affine(1.0) -> np.float32(3.1)
# run: with_len(0.1, [1, 2, 3]) -> np.float32(0.3)
# run: with_len(0.1, []) -> np.float32(0.0)
# run: with_const(0.1) -> np.float32(3.3915927)
# run: with_param(1.0, 3.0) -> np.float32(-2.6666667)
# run: with_param(1.0, 0.1) -> np.float32(9.9)
# run: with_param(1.0, 1e300) -> np.float32(-inf)
