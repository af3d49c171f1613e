"""Polynomial evaluation by Horner's rule, its derivative, and Newton's method for a root."""


def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r


def horner_int(coeffs, x):
    r = 0
    for i in range(len(coeffs)):
        r = r * x + coeffs[i]
    return r


def derivative_at(coeffs, x):
    n = len(coeffs) - 1
    r = 0.0
    for i in range(n):
        r = r * x + coeffs[i] * (n - i)
    return r


def newton_root(coeffs, x0, iters):
    x = x0
    for k in range(iters):
        d = derivative_at(coeffs, x)
        if d == 0.0:
            break
        x -= horner(coeffs, x) / d
    return x


# run: horner([2.0, -3.0, 1.0], 2.0) -> 3.0
# run: horner([1.0, 0.0, 0.0, 0.0], -1.5) -> -3.375
# run: horner([], 3.0) -> 0.0
# run: horner([1.0, 1.0], inf) -> nan
# run: horner_int([1, -6, 11, -6], 3) -> 0
# run: horner_int([3, 0, 2], -4) -> 50
# run: derivative_at([1.0, 0.0, -2.0], 3.0) -> 6.0
# run: newton_root([1.0, 0.0, -2.0], 1.0, 20) -> 1.414213562373095
# run: newton_root([1.0, 0.0, -2.0], 0.0, 20) -> 0.0
# run: newton_root([1.0, -6.0, 11.0, -6.0], 3.5, 30) -> 3.0
