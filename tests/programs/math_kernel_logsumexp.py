"""Numerically stable log-sum-exp and softmax over arrays with math.exp and math.log."""
import math


def logsumexp(a):
    m = -math.inf
    for x in a:
        if x > m:
            m = x
    if math.isinf(m):
        return m
    s = 0.0
    for x in a:
        s += math.exp(x - m)
    return m + math.log(s)


def logsumexp_with(a, x):
    a[-1] = x
    return logsumexp(a)


def naive(a):
    s = 0.0
    for x in a:
        s += math.exp(x)
    return math.log(s)


def softmax(a):
    m = max(a)
    total = 0.0
    for i in range(len(a)):
        a[i] = math.exp(a[i] - m)
        total += a[i]
    for i in range(len(a)):
        a[i] /= total
    return total


# run: logsumexp([1.0, 2.0, 3.0]) -> 3.4076059644443806
# run: logsumexp([1000.0, 1000.0]) -> 1000.6931471805599
# run: logsumexp([-1000.0, -1000.0]) -> -999.3068528194401
# run: logsumexp([]) -> -inf
# run: logsumexp_with([0.0], -inf) -> -inf
# after: [-inf], -inf
# run: logsumexp_with([0.0, 0.0], inf) -> inf
# after: [0.0, inf], inf
# run: logsumexp_with([0.0, 0.0], nan) -> nan
# after: [0.0, nan], nan
# run: naive([1.0, 2.0, 3.0]) -> 3.40760596444438
# run: naive([1000.0, 1000.0]) -> raises OverflowError: math range error (line 26)
# run: naive([-1000.0, -1000.0]) -> raises ValueError: math domain error (line 27)
# run: naive([]) -> raises ValueError: math domain error (line 27)
# run: softmax([1.0, 2.0, 3.0]) -> 1.5032147244080551
# after: [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]
# run: softmax([500.0, 500.0]) -> 2.0
# after: [0.5, 0.5]
# run: softmax([]) -> raises ValueError: max() arg is an empty sequence (line 31)
