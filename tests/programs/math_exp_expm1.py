"""math.exp and math.expm1: ordinary values, special values, and OverflowError on overflow."""
import math


def e_of(x):
    return math.exp(x)


def em1(x):
    return math.expm1(x)


def compare_small(x):
    return math.exp(x) - 1.0 == math.expm1(x)


# run: e_of(1.0) -> 2.718281828459045
# run: e_of(0.0) -> 1.0
# run: e_of(-0.0) -> 1.0
# run: e_of(-1.5) -> 0.22313016014842982
# run: e_of(709.0) -> 8.218407461554972e+307
# run: e_of(710.0) -> raises OverflowError: math range error (line 6)
# run: e_of(1000.0) -> raises OverflowError: math range error (line 6)
# run: e_of(-1000.0) -> 0.0
# run: e_of(inf) -> inf
# run: e_of(-inf) -> 0.0
# run: e_of(nan) -> nan
# run: e_of(2) -> 7.38905609893065
# run: em1(1e-10) -> 1.00000000005e-10
# run: em1(-0.0) -> -0.0
# run: em1(1.0) -> 1.718281828459045
# run: em1(-inf) -> -1.0
# run: em1(inf) -> inf
# run: em1(nan) -> nan
# run: em1(1000.0) -> raises OverflowError: math range error (line 10)
# run: em1(-1000.0) -> -1.0
# run: em1(0) -> 0.0
# run: compare_small(1e-10) -> False
