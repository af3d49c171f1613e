"""Newton's method for the square root compared with math.sqrt; negative input raises via math.sqrt first."""
import math


def newton_sqrt(x):
    if x == 0.0:
        return 0.0
    check = math.sqrt(x)
    g = x if x > 1.0 else 1.0
    for _ in range(100):
        nxt = 0.5 * (g + x / g)
        if nxt >= g:
            break
        g = nxt
    return g - check


def iterations(x, tol):
    g = x
    n = 0
    while math.fabs(g * g - x) > tol * x:
        g = 0.5 * (g + x / g)
        n += 1
    return n


# run: newton_sqrt(2.0) -> -2.220446049250313e-16
# run: newton_sqrt(1e10) -> 0.0
# run: newton_sqrt(0.0001) -> 0.0
# run: newton_sqrt(0.0) -> 0.0
# run: newton_sqrt(49) -> 0.0
# run: newton_sqrt(-1.0) -> raises ValueError: math domain error (line 8)
# run: iterations(2.0, 1e-12) -> 5
# run: iterations(1e6, 1e-9) -> 14
