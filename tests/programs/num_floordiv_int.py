"""Integer floor division and modulo for every sign combination, zero divisors and exact multiples."""


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def both(a, b):
    q = a // b
    r = a % b
    assert q * b + r == a
    return q * 100 + r


# run: fdiv(7, 3) -> 2
# run: fdiv(-7, 3) -> -3
# run: fdiv(7, -3) -> -3
# run: fdiv(-7, -3) -> 2
# run: fdiv(6, -3) -> -2
# run: fdiv(0, -3) -> 0
# run: fdiv(-1, 1000) -> -1
# run: fdiv(9223372036854775807, 2) -> 4611686018427387903
# run: fdiv(-9223372036854775808, 2) -> -4611686018427387904
# run: fdiv(-9223372036854775808, 9223372036854775807) -> -2
# run: fdiv(5, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 5)
# run: mod(7, 3) -> 1
# run: mod(-7, 3) -> 2
# run: mod(7, -3) -> -2
# run: mod(-7, -3) -> -1
# run: mod(6, -3) -> 0
# run: mod(-1, 1000) -> 999
# run: mod(-9223372036854775808, 10) -> 2
# run: mod(9223372036854775807, -10) -> -3
# run: mod(-9223372036854775808, -1) -> 0
# run: mod(5, 0) -> raises ZeroDivisionError: integer modulo by zero (line 9)
# run: mod(0, 0) -> raises ZeroDivisionError: integer modulo by zero (line 9)
# run: both(13, 4) -> 301
# run: both(-13, 4) -> -397
# run: both(13, -4) -> -403
# run: both(-13, -4) -> 299
# run: both(1, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 13)
