"""Bitwise and, or, xor on ints of both signs, as Python's infinite two's complement gives them."""


def band(a, b):
    return a & b


def bor(a, b):
    return a | b


def bxor(a, b):
    return a ^ b


def popcount(x):
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def masks(a):
    return (a & 0xFF) * 1000000 + (a | 0b1010) % 1000 + (a ^ 0o777)


# run: band(12, 10) -> 8
# run: band(-12, 10) -> 0
# run: band(-12, -10) -> -12
# run: band(0, -1) -> 0
# run: band(-9223372036854775808, -1) -> -9223372036854775808
# run: bor(12, 10) -> 14
# run: bor(-12, 10) -> -2
# run: bor(-12, -10) -> -10
# run: bor(-9223372036854775808, 9223372036854775807) -> -1
# run: bxor(12, 10) -> 6
# run: bxor(-12, 10) -> -2
# run: bxor(-12, -10) -> 2
# run: bxor(-1, 9223372036854775807) -> -9223372036854775808
# run: popcount(0) -> 0
# run: popcount(255) -> 8
# run: popcount(9223372036854775807) -> 63
# run: masks(1234567) -> 136235383
# run: masks(-1234567) -> 119765625
