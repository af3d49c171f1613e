"""math.erf and math.erfc: symmetry, signed zero, saturation and infinities."""
import math


def ef(x):
    return math.erf(x)


def efc(x):
    return math.erfc(x)


def complement(x):
    return math.erf(x) + math.erfc(x)


# run: ef(0.5) -> 0.5204998778130465
# run: ef(-0.5) -> -0.5204998778130465
# run: ef(0.0) -> 0.0
# run: ef(-0.0) -> -0.0
# run: ef(1e-10) -> 1.1283791670955126e-10
# run: ef(3.0) -> 0.9999779095030014
# run: ef(6.0) -> 1.0
# run: ef(inf) -> 1.0
# run: ef(-inf) -> -1.0
# run: ef(nan) -> nan
# run: ef(1) -> 0.8427007929497149
# run: efc(0.5) -> 0.4795001221869535
# run: efc(0.0) -> 1.0
# run: efc(-2.0) -> 1.9953222650189528
# run: efc(10.0) -> 2.088487583762545e-45
# run: efc(27.0) -> 5.23705e-319
# run: efc(30.0) -> 0.0
# run: efc(inf) -> 0.0
# run: efc(-inf) -> 2.0
# run: efc(nan) -> nan
# run: efc(-1) -> 1.842700792949715
# run: complement(0.3) -> 1.0
