"""Left and right shifts: negative operands, counts of 63 and more, and a negative count raising ValueError."""


def shl(a, n):
    return a << n


def shr(a, n):
    return a >> n


def bits(x):
    n = 0
    while x > 0:
        x >>= 1
        n += 1
    return n


# run: shl(1, 0) -> 1
# run: shl(1, 10) -> 1024
# run: shl(-3, 4) -> -48
# run: shl(1, 62) -> 4611686018427387904
# run: shl(-1, 63) -> -9223372036854775808
# run: shl(0, 100) -> 0
# run: shl(0, 1000000) -> 0
# run: shl(1, -1) -> raises ValueError: negative shift count (line 5)
# run: shl(0, -1) -> raises ValueError: negative shift count (line 5)
# run: shr(1024, 3) -> 128
# run: shr(-1024, 3) -> -128
# run: shr(-7, 1) -> -4
# run: shr(7, 1) -> 3
# run: shr(-1, 1) -> -1
# run: shr(9223372036854775807, 62) -> 1
# run: shr(9223372036854775807, 63) -> 0
# run: shr(9223372036854775807, 64) -> 0
# run: shr(-9223372036854775808, 63) -> -1
# run: shr(-9223372036854775808, 64) -> -1
# run: shr(5, 1000) -> 0
# run: shr(-5, 1000) -> -1
# run: shr(5, 9223372036854775807) -> 0
# run: shr(5, -2) -> raises ValueError: negative shift count (line 9)
# run: bits(0) -> 0
# run: bits(1) -> 1
# run: bits(9223372036854775807) -> 63
# run (deviation 1): shl(1, 63) -> -9223372036854775808
# run (deviation 1): shl(1, 64) -> 0
# run (deviation 1): shl(3, 63) -> -9223372036854775808
# run (deviation 1): shl(-1, 100) -> 0
# run (deviation 1): shl(5, 62) -> 4611686018427387904
