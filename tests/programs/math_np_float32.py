"""np functions on np.float32 values stay float32; math functions on them return Python floats."""
import math
import numpy as np


def nroot32(x):
    return np.sqrt(np.float32(x))


def nexp32(x):
    y = np.float32(x)
    return np.exp(y) * 2.0


def many32(x):
    y = np.float32(x)
    print(np.sin(y), np.log(y), np.floor(y), np.abs(y), np.tanh(y))
    return np.log1p(y)


def math_on32(x):
    return math.sqrt(np.float32(x))


def sum_roots32(n):
    a = np.zeros(n, dtype=np.float32)
    for i in range(n):
        a[i] = i
    s = np.float32(0.0)
    for i in range(n):
        s += np.sqrt(a[i])
    return s


# run: nroot32(2.0) -> np.float32(1.4142135)
# run: nroot32(-1.0) -> np.float32(nan)
# run: nroot32(1e40) -> np.float32(inf)
# run: nexp32(0.5) -> np.float32(3.2974424)
# run: nexp32(100.0) -> np.float32(inf)
# run: many32(3.0) -> np.float32(1.3862944)
# out: 0.14112 1.0986123 3.0 3.0 0.9950548
# run: many32(-3.0) -> np.float32(nan)
# out: -0.14112 nan -3.0 3.0 -0.9950548
# run: many32(0.0) -> np.float32(0.0)
# out: 0.0 -inf 0.0 0.0 0.0
# run: math_on32(2.0) -> 1.4142135623730951
# run: math_on32(0.1) -> 0.3162277683729184
# run: math_on32(-1.0) -> raises ValueError: math domain error (line 22)
# run: sum_roots32(10) -> np.float32(19.306)
# run: sum_roots32(0) -> np.float32(0.0)
