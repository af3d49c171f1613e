"""math.pow: always a float, with C99 special cases, ValueError for domain errors and OverflowError on overflow."""
import math


def p(x, y):
    return math.pow(x, y)


# run: p(2.0, 10.0) -> 1024.0
# run: p(2, 10) -> 1024.0
# run: p(2, -1) -> 0.5
# run: p(-2.0, 3.0) -> -8.0
# run: p(-2.0, 0.5) -> raises ValueError: math domain error (line 6)
# run: p(-8.0, 0.3333333333333333) -> raises ValueError: math domain error (line 6)
# run: p(0.0, -1.0) -> raises ValueError: math domain error (line 6)
# run: p(-0.0, -1.0) -> raises ValueError: math domain error (line 6)
# run: p(0, -2) -> raises ValueError: math domain error (line 6)
# run: p(0.0, 0.0) -> 1.0
# run: p(-0.0, 3.0) -> -0.0
# run: p(-0.0, 2.0) -> 0.0
# run: p(nan, 0.0) -> 1.0
# run: p(1.0, nan) -> 1.0
# run: p(nan, 1.0) -> nan
# run: p(2.0, 10000.0) -> raises OverflowError: math range error (line 6)
# run: p(10.0, 308.5) -> raises OverflowError: math range error (line 6)
# run: p(2.0, -10000.0) -> 0.0
# run: p(inf, -1.0) -> 0.0
# run: p(-inf, 3.0) -> -inf
# run: p(-inf, 2.0) -> inf
# run: p(0.5, inf) -> 0.0
# run: p(0.5, -inf) -> inf
# run: p(-1.0, inf) -> 1.0
# run: p(0.0, -inf) -> inf
