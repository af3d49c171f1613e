"""Integer powers: a non-negative exponent gives an int, a negative literal exponent a float, and 0 ** -1 raises."""

P = 3


def cube(a):
    return a ** 3


def square_minus(a):
    return a ** 2 - a ** 0 + a ** 1


def const_pow(a):
    return a ** P


def abs_pow(a, b):
    return a ** abs(b)


def powers_sum(a, n):
    s = 0
    for i in range(n):
        s += a ** i
    return s


def inverse_square(a):
    return a ** -2


# run: cube(-3) -> -27
# run: cube(0) -> 0
# run: cube(1000000) -> 1000000000000000000
# run: square_minus(-7) -> 41
# run: square_minus(0) -> -1
# run: const_pow(-2) -> -8
# run: abs_pow(2, -10) -> 1024
# run: abs_pow(-3, 5) -> -243
# run: abs_pow(0, 0) -> 1
# run: abs_pow(2, 62) -> 4611686018427387904
# run: abs_pow(-2, 63) -> -9223372036854775808
# run: powers_sum(2, 10) -> 1023
# run: powers_sum(-1, 7) -> 1
# run: powers_sum(5, 0) -> 0
# run: inverse_square(2) -> 0.25
# run: inverse_square(-4) -> 0.0625
# run: inverse_square(0) -> raises ZeroDivisionError: 0.0 cannot be raised to a negative power (line 30)
