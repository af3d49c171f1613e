"""Conditional expressions evaluate only the chosen branch; nested ones associate to the right."""


def trace(x):
    print("eval", x)
    return x


def pick(c, a, b):
    return trace(a) if c else trace(b)


def sign(x):
    return 1 if x > 0 else -1 if x < 0 else 0


def clamp(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


def safe_div(a, b):
    return a // b if b != 0 else 0


# run: pick(True, 1, 2) -> 1
# out: eval 1
# run: pick(False, 1, 2) -> 2
# out: eval 2
# run: pick(0.0, 1, 2) -> 2
# out: eval 2
# run: pick(nan, 1, 2) -> 1
# out: eval 1
# run: pick(-3, 1.5, 2.5) -> 1.5
# out: eval 1.5
# run: sign(5) -> 1
# run: sign(-5) -> -1
# run: sign(0) -> 0
# run: sign(-0.0) -> 0
# run: sign(nan) -> 0
# run: sign(-inf) -> -1
# run: clamp(5, 0, 10) -> 5
# run: clamp(-5, 0, 10) -> 0
# run: clamp(50, 0, 10) -> 10
# run: clamp(2.5, 0.0, 1.0) -> 1.0
# run: safe_div(7, 2) -> 3
# run: safe_div(7, 0) -> 0
# run: safe_div(-7, 2) -> -4
