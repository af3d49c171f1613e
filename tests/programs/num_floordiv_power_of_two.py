"""Floor division and modulo by constant powers of two, which both tiers
compute with a shift and a mask: every sign of the dividend, the extremes,
int32 by NumPy's rules, and divisors that are not positive powers of two
(which keep the general code)."""
import numpy as np


def by_two(x, out):
    out[0] = x // 2
    out[1] = x % 2


def by_powers(x, out):
    out[0] = x // 1
    out[1] = x % 1
    out[2] = x // 8
    out[3] = x % 8
    out[4] = x // 4611686018427387904
    out[5] = x % 4611686018427387904


def by_negative(x, out):
    out[0] = x // -4
    out[1] = x % -4
    out[2] = x // -1
    out[3] = x % -1


def int32_floordiv(x):
    return np.int32(x) // np.int32(4)


def int32_mod(x):
    return np.int32(x) % 4


def halvings(x):
    steps = 0
    while x != 0 and x != -1:
        x = x // 2
        steps += 1
    return steps


# run: by_two(7, [0, 0]) -> None
# after: 7, [3, 1]
# run: by_two(-7, [0, 0]) -> None
# after: -7, [-4, 1]
# run: by_two(0, [0, 0]) -> None
# run: by_two(-1, [0, 0]) -> None
# after: -1, [-1, 1]
# run: by_two(9223372036854775807, [0, 0]) -> None
# after: 9223372036854775807, [4611686018427387903, 1]
# run: by_two(-9223372036854775808, [0, 0]) -> None
# after: -9223372036854775808, [-4611686018427387904, 0]
# run: by_powers(-17, [0, 0, 0, 0, 0, 0]) -> None
# after: -17, [-17, 0, -3, 7, -1, 4611686018427387887]
# run: by_powers(17, [0, 0, 0, 0, 0, 0]) -> None
# after: 17, [17, 0, 2, 1, 0, 17]
# run: by_powers(-9223372036854775808, [0, 0, 0, 0, 0, 0]) -> None
# after: -9223372036854775808, [-9223372036854775808, 0, -1152921504606846976, 0, -2, 0]
# run: by_powers(9223372036854775807, [0, 0, 0, 0, 0, 0]) -> None
# after: 9223372036854775807, [9223372036854775807, 0, 1152921504606846975, 7, 1, 4611686018427387903]
# run: by_negative(-17, [0, 0, 0, 0]) -> None
# after: -17, [4, -1, 17, 0]
# run: by_negative(17, [0, 0, 0, 0]) -> None
# after: 17, [-5, -3, -17, 0]
# run: int32_floordiv(-7) -> np.int32(-2)
# run: int32_floordiv(7) -> np.int32(1)
# run: int32_floordiv(-2147483648) -> np.int32(-536870912)
# run: int32_mod(-7) -> np.int32(1)
# run: int32_mod(7) -> np.int32(3)
# run: int32_mod(-2147483648) -> np.int32(0)
# run: halvings(-1000) -> 10
# run: halvings(1000) -> 10
# run: halvings(-9223372036854775808) -> 63
