"""Float floor division and modulo: signs, -0.0, inf and nan operands, and the zero-divisor errors."""


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


# run: fdiv(7.5, 2.0) -> 3.0
# run: fdiv(-7.5, 2.0) -> -4.0
# run: fdiv(7.5, -2.0) -> -4.0
# run: fdiv(-7.5, -2.0) -> 3.0
# run: fdiv(1.0, 0.1) -> 9.0
# run: fdiv(-0.0, 3.0) -> -0.0
# run: fdiv(0.0, -3.0) -> -0.0
# run: fdiv(5.0, inf) -> 0.0
# run: fdiv(-5.0, inf) -> -1.0
# run: fdiv(inf, 2.0) -> nan
# run: fdiv(nan, 2.0) -> nan
# run: fdiv(2.0, nan) -> nan
# run: fdiv(7, 2.0) -> 3.0
# run: fdiv(7.0, 0.0) -> raises ZeroDivisionError: float floor division by zero (line 5)
# run: fdiv(7.0, 0) -> raises ZeroDivisionError: float floor division by zero (line 5)
# run: fdiv(7, -0.0) -> raises ZeroDivisionError: float floor division by zero (line 5)
# run: mod(7.5, 2.0) -> 1.5
# run: mod(-7.5, 2.0) -> 0.5
# run: mod(7.5, -2.0) -> -0.5
# run: mod(-7.5, -2.0) -> -1.5
# run: mod(1.0, 0.1) -> 0.09999999999999995
# run: mod(-0.0, 3.0) -> 0.0
# run: mod(0.0, -3.0) -> -0.0
# run: mod(6.0, -3.0) -> -0.0
# run: mod(-6.0, 3.0) -> 0.0
# run: mod(5.0, inf) -> 5.0
# run: mod(-5.0, inf) -> inf
# run: mod(5.0, -inf) -> -inf
# run: mod(inf, 2.0) -> nan
# run: mod(nan, 2.0) -> nan
# run: mod(-1e-300, 1e300) -> 1e+300
# run: mod(-7, 2.5) -> 0.5
# run: mod(7.0, 0.0) -> raises ZeroDivisionError: float modulo (line 9)
# run: mod(7, 0.0) -> raises ZeroDivisionError: float modulo (line 9)
# run: mod(nan, 0.0) -> raises ZeroDivisionError: float modulo (line 9)
