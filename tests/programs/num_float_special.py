"""inf, -inf, nan and -0.0 print and return as Python shows them, and arise from ordinary arithmetic."""


def specials(x):
    big = x * 1e308
    print(big, -big, big - big, -0.0 * x, 0.0 * -x)
    return big - big


def make_inf(x):
    return x * 10.0 ** 308 * 10.0


def neg_zero(x):
    return -x * 0.0


def underflow(x):
    return x * 1e-308 * 1e-308


def sum_inf(a, b):
    s = a + b
    print(s, s == s, s - s)
    return s


# run: specials(10.0) -> nan
# out: inf -inf nan -0.0 -0.0
# run: specials(-10.0) -> nan
# out: -inf inf nan 0.0 0.0
# run: make_inf(1.0) -> inf
# run: make_inf(-1.0) -> -inf
# run: make_inf(0.0) -> 0.0
# run: neg_zero(5.0) -> -0.0
# run: neg_zero(-5.0) -> 0.0
# run: neg_zero(0.0) -> -0.0
# run: underflow(1.0) -> 0.0
# run: underflow(-1.0) -> -0.0
# run: sum_inf(inf, -inf) -> nan
# out: nan False nan
# run: sum_inf(inf, 1.0) -> inf
# out: inf True nan
# run: sum_inf(-0.0, -0.0) -> -0.0
# out: -0.0 True 0.0
# run: sum_inf(-0.0, 0.0) -> 0.0
# out: 0.0 True 0.0
