"""Tuple assignment evaluates the whole right side first: swaps, rotations, Fibonacci."""


def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def swap_diff(x, y):
    x, y = y, x
    return x - y


def rotate3(a, b, c):
    a, b, c = b, c, a
    return a * 100 + b * 10 + c


def gcd_pairs(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def swap_elements(v, i, j):
    v[i], v[j] = v[j], v[i]
    return v[0]


def euclid_steps(a, b):
    steps = 0
    x, y = a, b
    while y:
        x, y, steps = y, x % y, steps + 1
    return steps * 1000 + x


# run: fib(0) -> 0
# run: fib(1) -> 1
# run: fib(10) -> 55
# run: fib(90) -> 2880067194370816120
# run: swap_diff(3, 10) -> 7
# run: swap_diff(2.5, -1.0) -> -3.5
# run: rotate3(1, 2, 3) -> 231
# run: gcd_pairs(48, 18) -> 6
# run: gcd_pairs(7, 0) -> 7
# run: gcd_pairs(-12, 8) -> 4
# run: swap_elements([1.0, 2.0, 3.0], 0, 2) -> 3.0
# after: [3.0, 2.0, 1.0], 0, 2
# run: swap_elements([1.0, 2.0, 3.0], 1, 1) -> 1.0
# run: swap_elements([1.0, 2.0, 3.0], 0, -1) -> 3.0
# after: [3.0, 2.0, 1.0], 0, -1
# run: swap_elements([1.0, 2.0, 3.0], 0, 3) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 28)
# run: euclid_steps(1071, 462) -> 3021
