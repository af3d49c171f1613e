"""A variable assigned an int and later a float holds a float throughout in pyjit (deviation 2)."""


def half_steps(n):
    x = 0
    for i in range(n):
        x += 0.5
    return x


def maybe_scale(x, flag):
    y = x
    if flag:
        y = x * 1.5
    return y


def int_or_float_return(n):
    if n > 0:
        return n
    return n / 2


def counter_then_mean(a):
    s = 0
    for v in a:
        s += v
    if len(a) > 0:
        s = s / len(a)
    return s


# run: half_steps(3) -> 1.5
# run: half_steps(1) -> 0.5
# run: maybe_scale(4, True) -> 6.0
# run: maybe_scale(-3, True) -> -4.5
# run: int_or_float_return(-3) -> -1.5
# run: int_or_float_return(0) -> 0.0
# run: counter_then_mean([1, 2, 4]) -> 2.3333333333333335
# run (deviation 2): half_steps(0) -> 0.0
# run (deviation 2): maybe_scale(4, False) -> 4.0
# run (deviation 2): int_or_float_return(5) -> 5.0
# run (deviation 2): counter_then_mean([]) -> 0.0
