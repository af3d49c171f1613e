"""Found by the agreement soak (seed 32300): with `c | False` and `not (False
| c)` hoisted out of the loops, gcc 12 crashed at -O3 (an internal compiler
error in loop unswitching) on the optimizing tier's C. Loop-invariant code
motion now leaves `bool` values in their loops."""
import numpy as np


def f(a, b, c, ys):
    arr0 = np.zeros(4, dtype=np.int64)
    arr1 = np.zeros(abs((((-9) ** 1) % 6)), dtype=np.int64)
    for k1 in range(1):
        pass
    for k2 in range(5):
        if (c | False):
            w3 = 0
            while w3 < 1 and (not (False | c)):
                w3 += 1
                pass


# run: f(-36554, -inf, False, [1, 0, -9]) -> None
# run: f(-36554, -inf, True, [1, 0, -9]) -> None
