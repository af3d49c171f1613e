"""NumPy scalars (float32, int32, array elements) divided by zero give inf, nan or 0 as NumPy does, not ZeroDivisionError."""
import numpy as np


def f32_div(x, y):
    return np.float32(x) / np.float32(y)


def f32_floor(x, y):
    return np.float32(x) // y


def f32_mod(x, y):
    return np.float32(x) % y


def elem_div(a, b):
    return a[0] / b


def elem_mod(a, b):
    return a[0] % b


def i32_mod(x, y):
    return np.int32(x) % np.int32(y)


# run: f32_div(1.0, 0.0) -> np.float32(inf)
# run: f32_div(-1.0, 0.0) -> np.float32(-inf)
# run: f32_div(0.0, 0.0) -> np.float32(nan)
# run: f32_div(1.0, -0.0) -> np.float32(-inf)
# run: f32_floor(1.0, 0.0) -> np.float32(inf)
# run: f32_floor(7.0, 2.0) -> np.float32(3.0)
# run: f32_mod(1.0, 0.0) -> np.float32(nan)
# run: f32_mod(-7.0, 2.0) -> np.float32(1.0)
# run: elem_div([1.0], 0.0) -> inf
# run: elem_div([-2.5], 0) -> -inf
# run: elem_div([3], 0) -> inf
# run: elem_mod([3.0], 0.0) -> nan
# run: elem_mod([3], 0) -> 0
# run: elem_mod([-7], 2) -> 1
# run: i32_mod(7, 0) -> np.int32(0)
# run: i32_mod(-7, 3) -> np.int32(2)
