"""np.sinh, np.cosh, np.tanh, np.asinh, np.acosh, np.atanh on scalars: inf and NaN where math raises."""
import numpy as np


def nhyp(x):
    print(np.sinh(x), np.cosh(x), np.tanh(x))
    return np.tanh(x)


def ninvhyp(x):
    print(np.asinh(x), np.acosh(x), np.atanh(x))
    return np.asinh(x)


# run: nhyp(1.0) -> 0.7615941559557649
# out: 1.1752011936438014 1.5430806348152437 0.7615941559557649
# run: nhyp(-0.0) -> -0.0
# out: -0.0 1.0 -0.0
# run: nhyp(1000.0) -> 1.0
# out: inf inf 1.0
# run: nhyp(-1000.0) -> -1.0
# out: -inf inf -1.0
# run: nhyp(nan) -> nan
# out: nan nan nan
# run: nhyp(3) -> 0.9950547536867305
# out: 10.017874927409903 10.067661995777765 0.9950547536867305
# run: ninvhyp(0.25) -> 0.24746646154726346
# out: 0.24746646154726346 nan 0.25541281188299536
# run: ninvhyp(1.0) -> 0.881373587019543
# out: 0.881373587019543 0.0 inf
# run: ninvhyp(-1.0) -> -0.881373587019543
# out: -0.881373587019543 nan -inf
# run: ninvhyp(3.0) -> 1.8184464592320668
# out: 1.8184464592320668 1.762747174039086 nan
# run: ninvhyp(-0.0) -> -0.0
# out: -0.0 nan -0.0
# run: ninvhyp(inf) -> inf
# out: inf inf nan
# run: ninvhyp(nan) -> nan
# out: nan nan nan
