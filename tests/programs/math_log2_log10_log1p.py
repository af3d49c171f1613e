"""math.log2, math.log10 and math.log1p: exact powers, special values and domain errors."""
import math


def lg2(x):
    return math.log2(x)


def lg10(x):
    return math.log10(x)


def lg1p(x):
    return math.log1p(x)


# run: lg2(8.0) -> 3.0
# run: lg2(1024) -> 10.0
# run: lg2(0.1) -> -3.321928094887362
# run: lg2(5e-324) -> -1074.0
# run: lg2(inf) -> inf
# run: lg2(nan) -> nan
# run: lg2(0.0) -> raises ValueError: math domain error (line 6)
# run: lg2(-2.0) -> raises ValueError: math domain error (line 6)
# run: lg2(0) -> raises ValueError: math domain error (line 6)
# run: lg10(1000.0) -> 3.0
# run: lg10(1e-300) -> -300.0
# run: lg10(2.0) -> 0.3010299956639812
# run: lg10(100) -> 2.0
# run: lg10(-0.0) -> raises ValueError: math domain error (line 10)
# run: lg10(-1.0) -> raises ValueError: math domain error (line 10)
# run: lg10(inf) -> inf
# run: lg1p(1e-15) -> 9.999999999999995e-16
# run: lg1p(-0.0) -> -0.0
# run: lg1p(1.0) -> 0.6931471805599453
# run: lg1p(-0.5) -> -0.6931471805599453
# run: lg1p(inf) -> inf
# run: lg1p(nan) -> nan
# run: lg1p(-1.0) -> raises ValueError: math domain error (line 14)
# run: lg1p(-2.0) -> raises ValueError: math domain error (line 14)
# run: lg1p(-inf) -> raises ValueError: math domain error (line 14)
# run: lg1p(3) -> 1.3862943611198906
