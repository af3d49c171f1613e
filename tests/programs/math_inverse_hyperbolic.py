"""math.asinh, math.acosh, math.atanh: domain errors at and beyond the boundaries, and special values."""
import math


def ash(x):
    return math.asinh(x)


def ach(x):
    return math.acosh(x)


def ath(x):
    return math.atanh(x)


def round_trip(x):
    return math.atanh(math.tanh(x))


# run: ash(1.0) -> 0.881373587019543
# run: ash(-0.0) -> -0.0
# run: ash(1e300) -> 691.4686750787736
# run: ash(-inf) -> -inf
# run: ash(nan) -> nan
# run: ash(2) -> 1.4436354751788103
# run: ach(1.0) -> 0.0
# run: ach(2.0) -> 1.3169578969248166
# run: ach(1e300) -> 691.4686750787736
# run: ach(inf) -> inf
# run: ach(0.5) -> raises ValueError: math domain error (line 10)
# run: ach(0) -> raises ValueError: math domain error (line 10)
# run: ach(-inf) -> raises ValueError: math domain error (line 10)
# run: ach(nan) -> nan
# run: ath(0.5) -> 0.5493061443340548
# run: ath(-0.0) -> -0.0
# run: ath(0.9999999999999999) -> 18.714973875118524
# run: ath(1.0) -> raises ValueError: math domain error (line 14)
# run: ath(-1.0) -> raises ValueError: math domain error (line 14)
# run: ath(1) -> raises ValueError: math domain error (line 14)
# run: ath(2.0) -> raises ValueError: math domain error (line 14)
# run: ath(nan) -> nan
# run: round_trip(0.3) -> 0.3
