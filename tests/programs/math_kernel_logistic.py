"""The logistic function and its stable log form, with math.exp overflowing in the naive one."""
import math


def sigmoid_naive(x):
    return 1.0 / (1.0 + math.exp(-x))


def sigmoid(x):
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def log_sigmoid(x):
    if x >= 0.0:
        return -math.log1p(math.exp(-x))
    return x - math.log1p(math.exp(x))


def bce(labels, logits):
    s = 0.0
    for i in range(len(labels)):
        z = logits[i]
        s -= labels[i] * log_sigmoid(z) + (1 - labels[i]) * log_sigmoid(-z)
    return s / len(labels)


# run: sigmoid_naive(0.0) -> 0.5
# run: sigmoid_naive(2.0) -> 0.8807970779778823
# run: sigmoid_naive(-1000.0) -> raises OverflowError: math range error (line 6)
# run: sigmoid_naive(1000.0) -> 1.0
# run: sigmoid(-1000.0) -> 0.0
# run: sigmoid(-2.0) -> 0.11920292202211755
# run: sigmoid(inf) -> 1.0
# run: sigmoid(-inf) -> 0.0
# run: sigmoid(nan) -> nan
# run: log_sigmoid(-800.0) -> -800.0
# run: log_sigmoid(0.0) -> -0.6931471805599453
# run: log_sigmoid(40.0) -> -4.248354255291589e-18
# run: bce([1.0, 0.0, 1.0], [2.0, -1.0, 0.5]) -> 0.3047555609137674
# run: bce([1, 0], [100.0, -100.0]) -> 3.720075976020836e-44
# run: bce([], []) -> raises ZeroDivisionError: float division by zero (line 27)
