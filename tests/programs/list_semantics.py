"""`[x] * n` makes a Python list: its elements are Python numbers (Python's
arithmetic), and an index out of range raises the list's IndexError."""
import numpy as np


def read(n, i):
    a = [0.5] * n
    return a[i]


def write(n, i):
    a = [0] * n
    a[i] = 7
    return a


def bump(n, i):
    counts = [0] * n
    counts[i] += 1
    return counts


def scale_element(n, i):
    a = [1.0] * n
    a[i] *= 2.0
    return a[i]


def divide_elements(n):
    a = [1.0] * n
    b = [0.0] * n
    return a[0] / b[0]


def floor_divide_loop(n, d):
    a = [7] * n
    s = 0
    for x in a:
        s += x // d
    return s


def element_power(x):
    a = [x] * 2
    return a[0] ** 2


def bool_elements(n):
    flags = [True] * n
    return flags[0] + flags[1]


def weak_with_float32(x):
    a = [0.1] * 2
    v = np.float32(x)
    return v * a[0]


def remainder(a, i):
    return a[i] % 0.0


def call_with_list(n):
    return remainder([1.5] * n, 0)


def call_with_array(n):
    a = np.ones(n)
    a[0] = 1.5
    return remainder(a, 0)


def largest_over_zero(n):
    a = [3.0] * n
    return max(a) / 0


def sieve_count(n):
    composite = [False] * n
    count = 0
    for i in range(2, n):
        if not composite[i]:
            count += 1
            for j in range(i * i, n, i):
                composite[j] = True
    return count


def int_into_float_list(n):
    a = [0.0] * n
    a[0] = 3
    return a


# run: read(3, 2) -> 0.5
# run: read(3, -3) -> 0.5
# run: read(3, 3) -> raises IndexError: list index out of range (line 8)
# run: read(3, -4) -> raises IndexError: list index out of range (line 8)
# run: read(0, 0) -> raises IndexError: list index out of range (line 8)
# run: write(3, -1) -> [0, 0, 7]
# run: write(3, 3) -> raises IndexError: list assignment index out of range (line 13)
# run: write(2, -3) -> raises IndexError: list assignment index out of range (line 13)
# run: bump(3, 1) -> [0, 1, 0]
# run: bump(3, 5) -> raises IndexError: list index out of range (line 19)
# run: bump(3, -4) -> raises IndexError: list index out of range (line 19)
# run: scale_element(2, 1) -> 2.0
# run: scale_element(2, 2) -> raises IndexError: list index out of range (line 25)
# run: divide_elements(1) -> raises ZeroDivisionError: float division by zero (line 32)
# run: floor_divide_loop(3, 2) -> 9
# run: floor_divide_loop(3, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 39)
# run: floor_divide_loop(0, 0) -> 0
# run: element_power(1e300) -> raises OverflowError: (34, 'Numerical result out of range') (line 45)
# run: element_power(3.0) -> 9.0
# run: bool_elements(2) -> 2
# run: weak_with_float32(3.0) -> np.float32(0.3)
# run: call_with_list(2) -> raises ZeroDivisionError: float modulo (line 60)
# run: call_with_array(2) -> nan
# run: largest_over_zero(2) -> raises ZeroDivisionError: float division by zero (line 75)
# run: sieve_count(30) -> 10
# run: sieve_count(2) -> 0
# run (deviation 2): int_into_float_list(2) -> [3.0, 0.0]
