"""Found by tests/tests/agreement.rs: a Python bool passed to a module
function stays a Python bool there, so `/`, `//`, `%` and `**` by it follow
Python's rules (ZeroDivisionError), not NumPy's (inf, 0)."""


def div(p):
    return 1.0 / p


def floordiv(p):
    return 7 // p


def power(p):
    return (p * 0) ** -3


def shift(p):
    return (p + 0) >> -1


def f(a, b, c):
    return div(c)


def g(a, b, c):
    return floordiv(c)


def h(a, b, c):
    return power(c)


def k(a, b, c):
    return shift(c)


# run: f(1, 1.0, False) -> raises ZeroDivisionError: float division by zero (line 7)
# run: f(1, 1.0, True) -> 1.0
# run: g(1, 1.0, False) -> raises ZeroDivisionError: integer division or modulo by zero (line 11)
# run: g(1, 1.0, True) -> 7
# run: h(1, 1.0, False) -> raises ZeroDivisionError: 0.0 cannot be raised to a negative power (line 15)
# run: k(1, 1.0, True) -> raises ValueError: negative shift count (line 19)
