"""Parallel copies in loops: swaps, Fibonacci pairs and three-way rotations, whose phis form copy cycles."""


def swap_n(a, b, n):
    for i in range(n):
        a, b = b, a
    return a * 10 + b


def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def fib_float(n):
    a, b = 0.0, 1.0
    k = 0
    while k < n:
        a, b = b, a + b
        k += 1
    return b - a


def rotate3(a, b, c, n):
    for i in range(n):
        a, b, c = c, a, b
    return a * 100 + b * 10 + c


def rotate_back(a, b, c, n):
    for i in range(n):
        a, b, c = b, c, a
        if i % 2 == 1:
            a, b = b, a
    return a * 100 + b * 10 + c


def swap_conditional(a, b, n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            a, b = b, a
        s = s * 2 + a - b
    return s


def gcd_pairs(a, b):
    steps = 0
    while b != 0:
        a, b = b, a % b
        steps += 1
    print(steps)
    return a


def swap_in_array(v):
    n = len(v)
    for i in range(n // 2):
        v[i], v[n - 1 - i] = v[n - 1 - i], v[i]
    x, y = v[0], v[n - 1]
    x, y = y, x
    return x - y


def mixed_swap(x, n):
    i = 0
    f = 0.5
    for k in range(n):
        i, f = i + 1, f * x
    return f + i


# run: swap_n(1, 2, 0) -> 12
# run: swap_n(1, 2, 1) -> 21
# run: swap_n(1, 2, 7) -> 21
# run: swap_n(1, 2, 8) -> 12
# run: swap_n(1, 2, -3) -> 12
# run: fib(0) -> 0
# run: fib(1) -> 1
# run: fib(10) -> 55
# run: fib(90) -> 2880067194370816120
# run (deviation 1): fib(93) -> -6246583658587674878
# run: fib_float(0) -> 1.0
# run: fib_float(30) -> 514229.0
# run: rotate3(1, 2, 3, 0) -> 123
# run: rotate3(1, 2, 3, 1) -> 312
# run: rotate3(1, 2, 3, 2) -> 231
# run: rotate3(1, 2, 3, 3) -> 123
# run: rotate3(1, 2, 3, 1000) -> 312
# run: rotate_back(1, 2, 3, 1) -> 231
# run: rotate_back(1, 2, 3, 2) -> 132
# run: rotate_back(1, 2, 3, 5) -> 231
# run: swap_conditional(5, 2, 0) -> 0
# run: swap_conditional(5, 2, 7) -> -297
# run: gcd_pairs(1071, 462) -> 21
# out: 3
# run: gcd_pairs(0, 5) -> 5
# out: 1
# run: gcd_pairs(7, 0) -> 7
# out: 0
# run: gcd_pairs(-12, 18) -> 6
# out: 2
# run: swap_in_array([1, 2, 3, 4, 5]) -> -4
# after: [5, 4, 3, 2, 1]
# run: swap_in_array([1.5, -2.5]) -> 4.0
# after: [-2.5, 1.5]
# run: swap_in_array([]) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 62)
# run: mixed_swap(2.0, 3) -> 7.0
# run: mixed_swap(2.0, 0) -> 0.5
