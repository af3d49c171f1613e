"""Augmented assignment keeps the operand types: float32 stays float32 with weak operands, int32 with int32."""
import numpy as np


def f32_acc(x, n):
    s = np.float32(x)
    for i in range(n):
        s *= 1.1
        s += i
        s -= 0.5
        s /= 2
    return s


def i32_acc(x, n):
    k = np.int32(x)
    for i in range(n):
        k += 3
        k *= 7
        k //= 2
        k %= 1000
        k ^= i
    return k


def mixed_acc(x, a):
    s = np.float32(x)
    for v in a:
        s += v
    return s


# run: f32_acc(1.0, 10) -> np.float32(8.096615)
# run: f32_acc(0.1, 0) -> np.float32(0.1)
# run: i32_acc(5, 10) -> np.int32(397)
# run: i32_acc(-5, 3) -> np.int32(713)
# run: mixed_acc(0.1, [0.2, 0.3]) -> 0.6000000014901161
# run: mixed_acc(0.1, [1, 2]) -> 3.100000001490116
