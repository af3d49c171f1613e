"""Integer addition, subtraction and multiplication with negative operands and zero."""


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def poly(x):
    return 3 * x * x - 7 * x + -2 - (-x)


def precedence(a, b, c):
    return a + b * c - (a - b) * -c


# run: add(2, 3) -> 5
# run: add(-2, 3) -> 1
# run: add(-2, -3) -> -5
# run: add(0, 0) -> 0
# run: sub(3, 5) -> -2
# run: sub(-3, -5) -> 2
# run: sub(0, -7) -> 7
# run: mul(-4, 6) -> -24
# run: mul(-4, -6) -> 24
# run: mul(0, -6) -> 0
# run: mul(123456789, 987654321) -> 121932631112635269
# run: poly(0) -> -2
# run: poly(-5) -> 103
# run: poly(1000000) -> 2999993999998
# run: precedence(2, 3, 4) -> 10
# run: precedence(-2, 3, -4) -> 6
