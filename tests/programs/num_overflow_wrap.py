"""int64 arithmetic that leaves the range wraps around in pyjit (deviation 1); CPython's ints are unbounded."""


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def power(a):
    return a ** 64


def floordiv(a, b):
    return a // b


def factorial(n):
    p = 1
    for i in range(2, n + 1):
        p *= i
    return p


# run: add(9223372036854775806, 1) -> 9223372036854775807
# run: mul(3037000499, 3037000499) -> 9223372030926249001
# run: factorial(20) -> 2432902008176640000
# run: floordiv(-9223372036854775807, -1) -> 9223372036854775807
# run (deviation 1): add(9223372036854775807, 1) -> -9223372036854775808
# run (deviation 1): add(-9223372036854775808, -1) -> 9223372036854775807
# run (deviation 1): mul(4294967296, 4294967296) -> 0
# run (deviation 1): mul(3037000500, 3037000500) -> -9223372036709301616
# run (deviation 1): mul(-9223372036854775808, -1) -> -9223372036854775808
# run (deviation 1): power(2) -> 0
# run (deviation 1): power(3) -> 8733086111712066817
# run (deviation 1): floordiv(-9223372036854775808, -1) -> -9223372036854775808
# run (deviation 1): factorial(21) -> -4249290049419214848
# run (deviation 1): factorial(25) -> 7034535277573963776
