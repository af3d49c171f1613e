"""Loops whose bounds checks the optimizing tier proves away, or versions
behind a guard: the guard failing must leave every check, every store
before the error, and the error's message and line as CPython has them."""
import math

import numpy as np


def fill(a, n):
    for i in range(n):
        a[i] = i * 2.0
    return n


def fill_from(a, start, stop):
    for i in range(start, stop):
        a[i] = 1.0
    return a[0]


def smooth(a, out, n):
    for i in range(1, n - 1):
        out[i] = a[i - 1] + a[i] + a[i + 1]
    return out[1]


def backwards(a, n):
    s = 0.0
    for i in range(n - 1, -1, -1):
        s = s * 0.5 + a[i]
    return s


def every_other(a, n):
    s = 0
    for i in range(0, n, 2):
        s += a[i + 1]
    return s


def row_sum(m, i, n):
    s = 0.0
    for j in range(n):
        s += m[i, j]
    return s


def grid(m, rows, cols):
    t = 0.0
    for i in range(rows):
        for j in range(cols):
            m[i, j] = i * 10.0 + j
            t += m[i][j]
    return t


def stop_early(a, n, limit):
    for i in range(n):
        if a[i] > limit:
            break
        a[i] = 0.0
    return i


def last_index(a, n):
    for i in range(n):
        a[i] += 1.0
    return i


def with_list(n, k):
    counts = [0] * n
    for i in range(k):
        counts[i] += i
    return counts


def roots(xs):
    total = 0.0
    for i in range(len(xs)):
        x = xs[i]
        total += math.sqrt(x * x + 1.0) / (x * x + 0.5)
    return total


def unsafe_roots(xs):
    total = 0.0
    for i in range(len(xs)):
        total += math.sqrt(xs[i]) / xs[i]
    return total


def far_offset(a, b, n):
    # The offset is int64's lowest value: too far to reason about (its
    # negation overflows), so the check stays.
    s = 0.0
    for i in range(n):
        s += a[b + (-9223372036854775807 - 1)]
    return s


def nested_rows(m, sums, rows, cols):
    # Both loops are versioned; the inner one once, not again inside each
    # copy of the outer one.
    t = 0.0
    for i in range(rows):
        for j in range(cols):
            t += m[i, j] * m[i, cols - 1 - j]
        sums[i] = t
    return t


def strided_clear(flags, start, step, n):
    # A `while` loop's variable: guarded on start >= 0, 0 <= step <= 2**61
    # and n <= len(flags); the checked original runs otherwise.
    j = start
    while j < n:
        flags[j] = False
        j += step
    return j


def count_up(a, n):
    s = 0.0
    k = 0
    while n > k:
        s += a[k]
        k += 1
    return s


def up_to_and_including(a, last):
    s = 0
    k = 1
    while k <= last:
        s += a[k]
        k += 2
    return s


# run: fill([0.0, 0.0, 0.0], 3) -> 3
# after: [0.0, 2.0, 4.0], 3
# run: fill([0.0, 0.0, 0.0], 4) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 11)
# after: [0.0, 2.0, 4.0], 4
# run: fill([0.0, 0.0, 0.0], 0) -> 0
# run: fill_from([5.0, 5.0, 5.0], -3, 2) -> 1.0
# after: [1.0, 1.0, 1.0], -3, 2
# run: fill_from([5.0, 5.0, 5.0], -4, 1) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 17)
# run: fill_from([5.0, 5.0, 5.0], 1, 3) -> 5.0
# after: [5.0, 1.0, 1.0], 1, 3
# run: smooth([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 4) -> 6.0
# after: [1.0, 2.0, 3.0, 4.0], [0.0, 6.0, 9.0, 0.0], 4
# run: smooth([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 5) -> raises IndexError: index 4 is out of bounds for axis 0 with size 4 (line 23)
# after: [1.0, 2.0, 3.0, 4.0], [0.0, 6.0, 9.0, 0.0], 5
# run: smooth([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0], 4) -> 6.0
# after: [1.0, 2.0, 3.0, 4.0], [0.0, 6.0, 9.0], 4
# run: backwards([1.0, 2.0, 3.0], 3) -> 2.75
# run: backwards([1.0, 2.0, 3.0], 4) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 30)
# run: every_other([1, 2, 3, 4, 5, 6], 6) -> 12
# run: every_other([1, 2, 3, 4, 5], 5) -> raises IndexError: index 5 is out of bounds for axis 0 with size 5 (line 37)
# run: row_sum([[1.0, 2.0], [3.0, 4.0]], 1, 2) -> 7.0
# run: row_sum([[1.0, 2.0], [3.0, 4.0]], -1, 2) -> 7.0
# run: row_sum([[1.0, 2.0], [3.0, 4.0]], 2, 2) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 44)
# run: row_sum([[1.0, 2.0], [3.0, 4.0]], 0, 3) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 44)
# run: grid([[0.0, 0.0], [0.0, 0.0]], 2, 2) -> 22.0
# after: [[0.0, 1.0], [10.0, 11.0]], 2, 2
# run: grid([[0.0, 0.0], [0.0, 0.0]], 2, 3) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 52)
# after: [[0.0, 1.0], [0.0, 0.0]], 2, 3
# run: grid([[0.0, 0.0], [0.0, 0.0]], 3, 1) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 52)
# after: [[0.0, 0.0], [10.0, 0.0]], 3, 1
# run: stop_early([1.0, 2.0, 9.0, 4.0], 10, 5.0) -> 2
# after: [0.0, 0.0, 9.0, 4.0], 10, 5.0
# run: stop_early([1.0, 2.0, 3.0], 10, 5.0) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 59)
# after: [0.0, 0.0, 0.0], 10, 5.0
# run: last_index([1.0, 2.0], 2) -> 1
# after: [2.0, 3.0], 2
# run: last_index([1.0, 2.0], 3) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 67)
# after: [2.0, 3.0], 3
# run: last_index([1.0, 2.0], 0) -> raises UnboundLocalError: cannot access local variable 'i' where it is not associated with a value (line 68)
# run: with_list(3, 3) -> [0, 1, 2]
# run: with_list(3, 4) -> raises IndexError: list index out of range (line 74)
# run: roots([1.0, -2.0, 0.0]) -> 3.4397130365820168
# run: roots([]) -> 0.0
# run: unsafe_roots([4.0, 1.0]) -> 1.5
# run: unsafe_roots([4.0, 0.0]) -> nan
# run: unsafe_roots([4.0, -1.0]) -> raises ValueError: math domain error (line 89)
# run: far_offset([1.0, 2.0, 3.0], 0, 1) -> raises IndexError: index -9223372036854775808 is out of bounds for axis 0 with size 3 (line 98)
# run: far_offset([1.0, 2.0, 3.0], 0, 0) -> 0.0
# run: nested_rows([[1.0, 2.0], [3.0, 4.0]], [0.0, 0.0], 2, 2) -> 28.0
# after: [[1.0, 2.0], [3.0, 4.0]], [4.0, 28.0], 2, 2
# run: nested_rows([[1.0, 2.0], [3.0, 4.0]], [0.0, 0.0], 2, 3) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 108)
# run: nested_rows([[1.0, 2.0], [3.0, 4.0]], [0.0, 0.0], 3, 2) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 108)
# after: [[1.0, 2.0], [3.0, 4.0]], [4.0, 28.0], 3, 2
# run: nested_rows([[1.0, 2.0], [3.0, 4.0]], [0.0], 2, 2) -> raises IndexError: index 1 is out of bounds for axis 0 with size 1 (line 109)
# after: [[1.0, 2.0], [3.0, 4.0]], [4.0], 2, 2
# run: strided_clear([True, True, True, True, True, True], 1, 2, 6) -> 7
# after: [True, False, True, False, True, False], 1, 2, 6
# run: strided_clear([True, True, True, True], 0, 3, 7) -> raises IndexError: index 6 is out of bounds for axis 0 with size 4 (line 118)
# after: [False, True, True, False], 0, 3, 7
# run: strided_clear([True, True, True, True], -2, 1, 2) -> 2
# after: [False, False, False, False], -2, 1, 2
# run: strided_clear([True, True, True], 2, -1, 3) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 118)
# after: [False, False, False], 2, -1, 3
# run: strided_clear([True, True, True], 5, 1, 3) -> 5
# run: count_up([1.0, 2.0, 3.0], 3) -> 6.0
# run: count_up([1.0, 2.0, 3.0], 4) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 127)
# run: count_up([1.0, 2.0, 3.0], -1) -> 0.0
# run: up_to_and_including([1, 2, 3, 4, 5, 6], 5) -> 12
# run: up_to_and_including([1, 2, 3, 4, 5, 6], 7) -> raises IndexError: index 7 is out of bounds for axis 0 with size 6 (line 136)
