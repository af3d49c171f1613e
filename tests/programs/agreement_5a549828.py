"""Found by tests/tests/agreement.rs: `[0.0] * n` is a list in CPython, so
an index out of its range raises IndexError with the list's message."""


def f(a, b, c):
    arr = [0.0] * 2
    arr[a] = 1.0
    return arr[0]


def g(a, b, c):
    arr = [0] * 2
    return arr[a]


# run: f(2, 1.0, True) -> raises IndexError: list assignment index out of range (line 7)
# run: f(-3, 1.0, True) -> raises IndexError: list assignment index out of range (line 7)
# run: g(2, 1.0, True) -> raises IndexError: list index out of range (line 13)
# run: g(0, 1.0, True) -> 0
