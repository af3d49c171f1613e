"""Phis of every type: float32, int32 and bool values carried around loops, arrays reallocated with a new length inside the loop that indexes them, constant indices into constant-size arrays."""
import numpy as np


def const_index(k):
    b = np.zeros(3)
    for i in range(k):
        b = np.zeros(i)
    b[-1] = 1.0
    return b[2]


def const_neg(n):
    b = np.zeros(3)
    i = -4
    r = 0.0
    for j in range(n):
        r = b[i]
    return r


def f32_phi(x, n):
    y = np.float32(x)
    for i in range(n):
        y = y * 1.1 + 0.1
    return y


def i32_phi(x, n):
    y = np.int32(x)
    for i in range(n):
        y = y * 3 + 1
    return y


def bool_phi(a):
    seen = False
    cnt = 0
    for x in a:
        seen = seen or x > 2
        cnt += seen
    return cnt * 10 + seen


def or_value(a, b, n):
    r = 0
    for i in range(n):
        r = r + (a or b)
        a = a - 1
    return r


def realloc_shrink(n):
    b = np.zeros(n)
    s = 0.0
    for i in range(n):
        b = np.ones(n - i)
        s += b[i]
    return s


def len_reassigned(n):
    b = np.zeros(n)
    c = 0
    for i in range(len(b)):
        b = np.zeros(n // 2)
        b[i] = 1.0
        c += 1
    return c


def while_index(a):
    i = 0
    while a[i] != 0:
        i += 1
    return i


def mixed_phi(n):
    x = 0
    for i in range(n):
        if i == 1:
            x = x + 1
        elif i == 2:
            x = x * 0.5
        else:
            x = x + True
    return x


# run: const_index(0) -> 1.0
# run: const_index(5) -> 0.0
# run: const_index(3) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 10)
# run: const_index(1) -> raises IndexError: index -1 is out of bounds for axis 0 with size 0 (line 9)
# run: const_neg(1) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 18)
# run: const_neg(0) -> 0.0
# run: f32_phi(1.0, 5) -> np.float32(2.2210202)
# run: f32_phi(1.0, 0) -> np.float32(1.0)
# run: i32_phi(5, 3) -> np.int32(148)
# run: i32_phi(5, 0) -> np.int32(5)
# run: bool_phi([1, 3, 1]) -> 21
# run: bool_phi([1, 1]) -> 0
# run: or_value(2, 7, 4) -> 9
# run: or_value(0, 7, 2) -> 6
# run: or_value(2.5, 7, 4) -> 4.0
# run: realloc_shrink(4) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 58)
# run: realloc_shrink(1) -> 1.0
# run: realloc_shrink(0) -> 0.0
# run: len_reassigned(6) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 67)
# run: len_reassigned(0) -> 0
# run: while_index([3, 2, 0]) -> 2
# run: while_index([3, 2]) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 74)
# run: while_index([0]) -> 0
# run: mixed_phi(4) -> 2.0
# run (deviation 2): mixed_phi(0) -> 0.0
# run (deviation 2): mixed_phi(1) -> 1.0
# run (deviation 2): mixed_phi(2) -> 2.0
