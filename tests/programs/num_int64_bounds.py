"""The int64 extremes pass in, come back out, and take part in arithmetic that stays in range."""

BIG = 9223372036854775807
SMALL = -9223372036854775808


def ident(x):
    return x


def near_max(x):
    return x - 1 + 1


def halves(x):
    return x // 2 + x // 2 + x % 2


def from_consts(k):
    return BIG - k if k >= 0 else SMALL - k


def extremes(a):
    lo = BIG
    hi = SMALL
    for v in a:
        lo = min(lo, v)
        hi = max(hi, v)
    return hi - lo


# run: ident(9223372036854775807) -> 9223372036854775807
# run: ident(-9223372036854775808) -> -9223372036854775808
# run: near_max(9223372036854775807) -> 9223372036854775807
# run: near_max(-9223372036854775807) -> -9223372036854775807
# run: halves(9223372036854775807) -> 9223372036854775807
# run: halves(-9223372036854775808) -> -9223372036854775808
# run: from_consts(0) -> 9223372036854775807
# run: from_consts(7) -> 9223372036854775800
# run: from_consts(-1) -> -9223372036854775807
# run: extremes([5, -3, 12]) -> 15
# run: extremes([-9223372036854775807, -1]) -> 9223372036854775806
# run: extremes([0]) -> 0
