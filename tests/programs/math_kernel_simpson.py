"""Composite Simpson's rule integrating math.sin, and exp(-x*x) checked against math.erf; odd n fails an assert."""
import math


def simpson_sin(a, b, n):
    assert n % 2 == 0, "n must be even"
    h = (b - a) / n
    s = math.sin(a) + math.sin(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            s += 4.0 * math.sin(x)
        else:
            s += 2.0 * math.sin(x)
    return s * h / 3.0


def simpson_gauss(n):
    h = 2.0 / n
    s = math.exp(-4.0) + 1.0
    for i in range(1, n):
        x = -2.0 + i * h
        s += (4.0 if i % 2 == 1 else 2.0) * math.exp(-x * x)
    return s * h / 3.0 / math.sqrt(math.pi) - math.erf(2.0) / 2.0


# run: simpson_sin(0.0, 3.141592653589793, 10) -> 2.0001095173150043
# run: simpson_sin(0.0, 3.141592653589793, 1000) -> 2.0000000000010805
# run: simpson_sin(0, 1, 2) -> 0.4598621898707848
# run: simpson_sin(1.0, 1.0, 4) -> 0.0
# run: simpson_sin(0.0, 1.0, 7) -> raises AssertionError: n must be even (line 6)
# run: simpson_sin(0.0, inf, 2) -> raises ValueError: math domain error (line 8)
# run: simpson_gauss(100) -> -3.6742009434931333e-10
