"""Int and float literal spellings: hex, octal, binary, underscores, leading dot, exponents."""


def ints():
    return 0x_FF + 0o17 + 0b1011 + 1_000_000 + 0XAB - 0B1 + 0O7


def floats():
    return 1_000.0 + .5 + 1e-3 + 2.5E2 + 1_0e1_0 + 0e0 + 00.5


def biggest():
    return 0x7FFF_FFFF_FFFF_FFFF - 9_223_372_036_854_775_806


def smallest():
    return -0x8000_0000_0000_0000 + 0b1


def most_negative():
    return -9223372036854775808


def tiny():
    return 4.9e-324 + 0.0 * 1e-400


# run: ints() -> 1000458
# run: floats() -> 100000001251.001
# run: biggest() -> 1
# run: smallest() -> -9223372036854775807
# run: most_negative() -> -9223372036854775808
# run: tiny() -> 5e-324
