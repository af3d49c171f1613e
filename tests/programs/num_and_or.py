"""`and` and `or` short-circuit and return one of their operands, not a bool."""


def trace(x):
    print("eval", x)
    return x


def either(a, b):
    return a or b


def both(a, b):
    return a and b


def lazy_or(a, b):
    return trace(a) or trace(b)


def lazy_and(a, b):
    return trace(a) and trace(b)


def default_step(step):
    return (step or 1) * 10


def in_if(a, b, c):
    if a and b or c:
        return 1
    return 0


# run: either(0, 5) -> 5
# run: either(3, 5) -> 3
# run: either(0, 0) -> 0
# run: either(-1, 0) -> -1
# run: either(0.0, -0.0) -> -0.0
# run: either(nan, 1.0) -> nan
# run: either(False, True) -> True
# run: both(0, 5) -> 0
# run: both(3, 5) -> 5
# run: both(-0.0, 2.5) -> -0.0
# run: both(2.5, 0.0) -> 0.0
# run: both(True, False) -> False
# run: lazy_or(0, 7) -> 7
# out: eval 0
# out: eval 7
# run: lazy_or(4, 7) -> 4
# out: eval 4
# run: lazy_and(0, 7) -> 0
# out: eval 0
# run: lazy_and(4, 7) -> 7
# out: eval 4
# out: eval 7
# run: lazy_and(1.5, 0.0) -> 0.0
# out: eval 1.5
# out: eval 0.0
# run: default_step(0) -> 10
# run: default_step(-3) -> -30
# run: in_if(1, 0, 0) -> 0
# run: in_if(1, 2, 0) -> 1
# run: in_if(0, 2, 3) -> 1
# run: in_if(0.0, 1.0, nan) -> 1
