"""The normal CDF and PDF through math.erf, math.erfc and math.exp, over scalars and an array."""
import math

SQRT2 = 1.4142135623730951


def cdf(x, mu, sigma):
    return 0.5 * (1.0 + math.erf((x - mu) / (sigma * SQRT2)))


def upper_tail(x):
    return 0.5 * math.erfc(x / math.sqrt(2.0))


def pdf(x):
    return math.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


def cdf_all(a):
    for i in range(len(a)):
        a[i] = cdf(a[i], 0.0, 1.0)


# run: cdf(0.0, 0.0, 1.0) -> 0.5
# run: cdf(1.96, 0.0, 1.0) -> 0.9750021048517796
# run: cdf(-1.0, 0.0, 1.0) -> 0.15865525393145707
# run: cdf(110, 100, 15) -> 0.7475074624530771
# run: cdf(inf, 0.0, 1.0) -> 1.0
# run: cdf(-inf, 0.0, 1.0) -> 0.0
# run: cdf(1.0, 0.0, 0.0) -> raises ZeroDivisionError: float division by zero (line 8)
# run: upper_tail(10.0) -> 7.619853024160593e-24
# run: upper_tail(-3.0) -> 0.9986501019683699
# run: pdf(0.0) -> 0.3989422804014327
# run: pdf(40.0) -> 0.0
# run: cdf_all([-2.0, 0.0, 2.0]) -> None
# after: [0.02275013194817921, 0.5, 0.9772498680518208]
