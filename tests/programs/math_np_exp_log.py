"""np.sqrt, np.exp, np.expm1, np.log, np.log2, np.log10, np.log1p on scalars: NaN and inf instead of errors."""
import numpy as np


def nsqrt(x):
    return np.sqrt(x)


def nexp(x):
    return np.exp(x) + np.expm1(x)


def nlog(x):
    return np.log(x)


def nlogs(x):
    print(np.log2(x), np.log10(x), np.log1p(x))
    return np.log2(x) + np.log10(x)


# run: nsqrt(2.0) -> 1.4142135623730951
# run: nsqrt(-1.0) -> nan
# run: nsqrt(-0.0) -> -0.0
# run: nsqrt(inf) -> inf
# run: nsqrt(9) -> 3.0
# run: nexp(1.0) -> 4.43656365691809
# run: nexp(1000.0) -> inf
# run: nexp(-inf) -> -1.0
# run: nexp(nan) -> nan
# run: nexp(0) -> 1.0
# run: nlog(1.0) -> 0.0
# run: nlog(0.0) -> -inf
# run: nlog(-0.0) -> -inf
# run: nlog(-1.0) -> nan
# run: nlog(inf) -> inf
# run: nlog(10) -> 2.302585092994046
# run: nlogs(8.0) -> 3.9030899869919438
# out: 3.0 0.9030899869919435 2.1972245773362196
# run: nlogs(0.0) -> -inf
# out: -inf -inf 0.0
# run: nlogs(-1.0) -> nan
# out: nan nan -inf
# run: nlogs(-2.0) -> nan
# out: nan nan nan
# run: nlogs(inf) -> inf
# out: inf inf inf
