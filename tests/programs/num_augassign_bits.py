"""Augmented assignment with the bitwise and shift operators, on ints of both signs."""


def bit_ops(x, k):
    x &= 0xFFFF
    x |= k
    x ^= 0b1010_1010
    x <<= 3
    x >>= 1
    return x


def shift_by(x, n):
    x <<= n
    x >>= n + 1
    return x


def gray(n):
    g = n
    g ^= n >> 1
    return g


def reverse_bits(x, width):
    r = 0
    for i in range(width):
        r <<= 1
        r |= x & 1
        x >>= 1
    return r


# run: bit_ops(123456, 5) -> 232380
# run: bit_ops(-123456, -5) -> -700
# run: bit_ops(0, 0) -> 680
# run: shift_by(5, 3) -> 2
# run: shift_by(-5, 3) -> -3
# run: shift_by(5, 0) -> 2
# run: shift_by(5, -1) -> raises ValueError: negative shift count (line 14)
# run: gray(0) -> 0
# run: gray(255) -> 128
# run: gray(-8) -> 4
# run: reverse_bits(1, 8) -> 128
# run: reverse_bits(6, 4) -> 6
# run: reverse_bits(-1, 16) -> 65535
