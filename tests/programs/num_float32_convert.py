"""float32 values converted back to Python numbers with int, float, round, bool, and printed."""
import numpy as np


def show(x):
    y = np.float32(x)
    print(y, y * 3, y / 7, -y)
    return y


def to_int(x):
    return int(np.float32(x))


def to_round(x):
    return round(np.float32(x))


def to_bool(x):
    return bool(np.float32(x))


def absolute(x):
    return abs(np.float32(x))


def power(x, y):
    return np.float32(x) ** np.float32(y)


# run: show(0.1) -> np.float32(0.1)
# out: 0.1 0.3 0.014285714 -0.1
# run: show(1e-45) -> np.float32(1e-45)
# out: 1e-45 4e-45 0.0 -1e-45
# run: show(16777217.0) -> np.float32(1.6777216e+07)
# out: 1.6777216e+07 5.033165e+07 2.3967452e+06 -1.6777216e+07
# run: show(-0.0) -> np.float32(-0.0)
# out: -0.0 -0.0 -0.0 0.0
# run: show(inf) -> np.float32(inf)
# out: inf inf inf -inf
# run: to_int(2.7) -> 2
# run: to_int(-2.7) -> -2
# run: to_int(1e10) -> 10000000000
# run: to_int(nan) -> raises ValueError: cannot convert float NaN to integer (line 12)
# run: to_round(2.5) -> 2
# run: to_round(3.5) -> 4
# run: to_round(-0.5) -> 0
# run: to_round(inf) -> raises OverflowError: cannot convert float infinity to integer (line 16)
# run: to_bool(0.0) -> False
# run: to_bool(1e-50) -> False
# run: to_bool(nan) -> True
# run: absolute(-0.5) -> np.float32(0.5)
# run: absolute(-inf) -> np.float32(inf)
# run: power(3.0, 0.5) -> np.float32(1.7320508)
# run: power(2.0, 200.0) -> np.float32(inf)
# run: power(-8.0, 3.0) -> np.float32(-512.0)
