"""Truthiness of ints and floats in `if`, `while`, `not` and bool(): zero and -0.0 are false, nan and inf are true."""


def truth(x):
    if x:
        return 1
    return 0


def negate(x):
    return not x


def as_bool(x):
    return bool(x)


def double_not(x):
    return not not x


def countdown(n):
    steps = 0
    while n:
        n -= 1
        steps += 1
    return steps


# run: truth(0) -> 0
# run: truth(-1) -> 1
# run: truth(-9223372036854775808) -> 1
# run: truth(0.0) -> 0
# run: truth(-0.0) -> 0
# run: truth(nan) -> 1
# run: truth(-inf) -> 1
# run: truth(5e-324) -> 1
# run: truth(False) -> 0
# run: negate(0) -> True
# run: negate(7) -> False
# run: negate(-0.0) -> True
# run: negate(nan) -> False
# run: negate(True) -> False
# run: as_bool(0) -> False
# run: as_bool(-2) -> True
# run: as_bool(0.0) -> False
# run: as_bool(-0.0) -> False
# run: as_bool(nan) -> True
# run: as_bool(inf) -> True
# run: as_bool(True) -> True
# run: double_not(3.5) -> True
# run: double_not(0) -> False
# run: countdown(5) -> 5
# run: countdown(0) -> 0
