"""np.int32 of constants: out of range raises when it runs, negation wraps."""
import numpy as np


def negate_min():
    return -(np.int32(-2147483648))


def int32_min():
    return np.int32(-2147483648)


def too_big():
    return np.int32(9223372036854775807)


def just_over():
    return np.int32(2147483648)


def invert_max():
    return ~np.int32(2147483647)


def from_argument(n):
    return np.int32(n)


# run: negate_min() -> np.int32(-2147483648)
# run: int32_min() -> np.int32(-2147483648)
# run: too_big() -> raises OverflowError: Python integer 9223372036854775807 out of bounds for int32 (line 14)
# run: just_over() -> raises OverflowError: Python integer 2147483648 out of bounds for int32 (line 18)
# run: invert_max() -> np.int32(-2147483648)
# run: from_argument(5) -> np.int32(5)
# run: from_argument(-2147483649) -> raises OverflowError: Python integer -2147483649 out of bounds for int32 (line 26)
