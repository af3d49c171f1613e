"""math.log with one and two arguments: domain errors, special values, int arguments, base 1."""
import math


def ln(x):
    return math.log(x)


def log_base(x, b):
    return math.log(x, b)


# run: ln(1.0) -> 0.0
# run: ln(2.718281828459045) -> 1.0
# run: ln(0.5) -> -0.6931471805599453
# run: ln(1e-320) -> -736.8272408909739
# run: ln(inf) -> inf
# run: ln(nan) -> nan
# run: ln(0.0) -> raises ValueError: math domain error (line 6)
# run: ln(-0.0) -> raises ValueError: math domain error (line 6)
# run: ln(-1.0) -> raises ValueError: math domain error (line 6)
# run: ln(-inf) -> raises ValueError: math domain error (line 6)
# run: ln(10) -> 2.302585092994046
# run: ln(0) -> raises ValueError: math domain error (line 6)
# run: log_base(8.0, 2.0) -> 3.0
# run: log_base(8, 2) -> 3.0
# run: log_base(1000.0, 10.0) -> 2.9999999999999996
# run: log_base(100, 0.5) -> -6.643856189774725
# run: log_base(2.0, 1.0) -> raises ZeroDivisionError: float division by zero (line 10)
# run: log_base(1.0, 1.0) -> raises ZeroDivisionError: float division by zero (line 10)
# run: log_base(0.0, 2.0) -> raises ValueError: math domain error (line 10)
# run: log_base(2.0, 0.0) -> raises ValueError: math domain error (line 10)
# run: log_base(2.0, -2.0) -> raises ValueError: math domain error (line 10)
# run: log_base(inf, 2.0) -> inf
# run: log_base(2.0, inf) -> 0.0
# run: log_base(nan, 2.0) -> nan
