"""A negative base to a fractional power is NaN in pyjit (deviation 4); integral float exponents stay real."""


def root(a, b):
    return a ** (1 / b)


def fpow(a, b):
    return a ** b


# run: root(8.0, 3) -> 2.0
# run: root(-8.0, 1) -> -8.0
# run: root(-8.0, -1) -> -0.125
# run: fpow(-8.0, 2.0) -> 64.0
# run: fpow(-1.5, -3.0) -> -0.2962962962962963
# run: fpow(-2, 1e18) -> raises OverflowError: (34, 'Numerical result out of range') (line 9)
# run (deviation 4): root(-8.0, 3) -> nan
# run (deviation 4): fpow(-2.0, 0.5) -> nan
# run (deviation 4): fpow(-1, 0.5) -> nan
# run (deviation 4): fpow(-0.5, -1.5) -> nan
