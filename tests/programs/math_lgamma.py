"""math.lgamma: log of |gamma|, its zeros at 1 and 2, poles (ValueError), infinities and OverflowError."""
import math


def lg(x):
    return math.lgamma(x)


def log_binomial(n, k):
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


# run: lg(1.0) -> 0.0
# run: lg(2.0) -> 0.0
# run: lg(3.0) -> 0.693147180559945
# run: lg(0.5) -> 0.5723649429247004
# run: lg(-0.5) -> 1.265512123484645
# run: lg(-2.5) -> -0.05624371649767457
# run: lg(10) -> 12.801827480081467
# run: lg(100.0) -> 359.1342053695754
# run: lg(1e10) -> 220258509288.81058
# run: lg(1e-300) -> 690.7755278982137
# run: lg(3.7) -> 1.4280723266653883
# run: lg(1e305) -> 7.01288453363184e+307
# run: lg(1e306) -> raises OverflowError: math range error (line 6)
# run: lg(1e308) -> raises OverflowError: math range error (line 6)
# run: lg(0.0) -> raises ValueError: math domain error (line 6)
# run: lg(-0.0) -> raises ValueError: math domain error (line 6)
# run: lg(-1.0) -> raises ValueError: math domain error (line 6)
# run: lg(-3) -> raises ValueError: math domain error (line 6)
# run: lg(inf) -> inf
# run: lg(-inf) -> inf
# run: lg(nan) -> nan
# run: log_binomial(10, 3) -> 4.787491742782045
# run: log_binomial(1000, 500) -> 689.467261567851
