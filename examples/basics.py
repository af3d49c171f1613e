"""The seed's first programs: scalar functions of ints and floats."""
import math


def simple_add(a, b):
    return a + b


def add_mul(a, b, c):
    return a * b + c


def complex_compute(x, y, n):
    """A loop mixing math calls, branches and both number types."""
    total = 0.0
    for i in range(n):
        t = math.sin(x * i) * math.cos(y * i)
        if t > 0:
            total += math.sqrt(t)
        else:
            total -= t * t
    return total + n // 3


if __name__ == "__main__":
    print(simple_add(2, 3), add_mul(2, 3, 4), complex_compute(0.5, 0.25, 1000))
