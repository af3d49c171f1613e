"""Chained comparisons and and/or with side effects inside loops: evaluation order, operands evaluated once, exceptions from the operand that runs."""


def t(x):
    print("t", x)
    return x


def boom(x):
    print("boom", x)
    return 10 // x


def chain_loop(n, lo, hi):
    c = 0
    for i in range(n):
        if lo < t(i) <= hi:
            c += 1
    return c


def chain_raises(a, b, c):
    return t(a) < boom(b) < t(c)


def and_or_loop(n):
    s = 0
    for i in range(n):
        s += t(i) % 2 == 0 and t(i * 10) or t(-1)
    return s


def guard_div(a, d):
    total = 0
    for i in range(len(a)):
        if d != 0 and a[i] // d > 1 or a[i] < 0:
            total += 1
    return total


def or_raises(x, y):
    return t(x) or boom(y) or t(99)


def and_raises(x, y):
    return t(x) and boom(y) and t(99)


def while_chain(a, b):
    steps = 0
    while a < b < 100 and steps < 50:
        a, b = a + 3, b + 1
        steps += 1
    return steps * 1000 + a


def not_chain(x):
    return not 0 < x < 10 or x == 5


def chain_float(x, lo, hi):
    return lo <= x <= hi


def value_of_or(a, b):
    r = 0
    for i in range(3):
        r = r * 10 + (a and b or i)
    return r


# run: chain_loop(4, 0, 2) -> 2
# out: t 0
# out: t 1
# out: t 2
# out: t 3
# run: chain_loop(0, 0, 2) -> 0
# run: chain_raises(1, 2, 3) -> False
# out: t 1
# out: boom 2
# out: t 3
# run: chain_raises(9, 2, 3) -> False
# out: t 9
# out: boom 2
# run: chain_raises(1, 0, 3) -> raises ZeroDivisionError: integer division or modulo by zero (line 11)
# out: t 1
# out: boom 0
# run: chain_raises(1, 20, 3) -> False
# out: t 1
# out: boom 20
# run: and_or_loop(3) -> 18
# out: t 0
# out: t 0
# out: t -1
# out: t 1
# out: t -1
# out: t 2
# out: t 20
# run: guard_div([1, 5, -3, 9], 2) -> 3
# run: guard_div([1, 5, -3, 9], 0) -> 1
# run: or_raises(1, 0) -> 1
# out: t 1
# run: or_raises(0, 5) -> 2
# out: t 0
# out: boom 5
# run: or_raises(0, 20) -> 99
# out: t 0
# out: boom 20
# out: t 99
# run: or_raises(0, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 11)
# out: t 0
# out: boom 0
# run: and_raises(0, 0) -> 0
# out: t 0
# run: and_raises(2, 5) -> 99
# out: t 2
# out: boom 5
# out: t 99
# run: and_raises(2, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 11)
# out: t 2
# out: boom 0
# run: and_raises(2, 20) -> 0
# out: t 2
# out: boom 20
# run: while_chain(0, 10) -> 5015
# run: while_chain(50, 10) -> 50
# run: while_chain(0, 99) -> 1003
# run: not_chain(5) -> True
# run: not_chain(3) -> False
# run: not_chain(10) -> True
# run: not_chain(-1) -> True
# run: chain_float(nan, 0.0, 1.0) -> False
# run: chain_float(0.5, 0.0, 1.0) -> True
# run: chain_float(1.0, 0.0, 1.0) -> True
# run: chain_float(-0.0, 0.0, 1.0) -> True
# run: value_of_or(0, 5) -> 12
# run: value_of_or(2, 5) -> 555
# run: value_of_or(2, 0) -> 12
