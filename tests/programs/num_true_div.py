"""True division: int / int gives a float, and dividing by zero raises ZeroDivisionError with CPython's messages."""


def div(a, b):
    return a / b


def mean3(a, b, c):
    return (a + b + c) / 3


def ratio_sum(n):
    s = 0.0
    for k in range(1, n + 1):
        s += 1 / k
    return s


# run: div(7, 2) -> 3.5
# run: div(-7, 2) -> -3.5
# run: div(6, 3) -> 2.0
# run: div(1, 3) -> 0.3333333333333333
# run: div(0, -5) -> -0.0
# run: div(7.5, 2) -> 3.75
# run: div(-1.0, 3.0) -> -0.3333333333333333
# run: div(1.0, inf) -> 0.0
# run: div(-1.0, inf) -> -0.0
# run: div(inf, inf) -> nan
# run: div(nan, 2.0) -> nan
# run: div(9007199254740993, 1) -> 9007199254740992.0
# run: div(1, 0) -> raises ZeroDivisionError: division by zero (line 5)
# run: div(0, 0) -> raises ZeroDivisionError: division by zero (line 5)
# run: div(1.0, 0.0) -> raises ZeroDivisionError: float division by zero (line 5)
# run: div(1.0, -0.0) -> raises ZeroDivisionError: float division by zero (line 5)
# run: div(1, 0.0) -> raises ZeroDivisionError: float division by zero (line 5)
# run: div(1.5, 0) -> raises ZeroDivisionError: float division by zero (line 5)
# run: div(nan, 0.0) -> raises ZeroDivisionError: float division by zero (line 5)
# run: mean3(1, 2, 2) -> 1.6666666666666667
# run: mean3(-1, 0, 1) -> 0.0
# run: ratio_sum(10) -> 2.9289682539682538
# run: ratio_sum(0) -> 0.0
