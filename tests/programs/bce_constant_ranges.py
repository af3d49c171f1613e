"""Loops over ranges of constants, whose length constant folding computes:
their variables' intervals are known at compile time, so an index is
checked once against the array's length before the loop, and a division
by the variable loses its zero check when the interval excludes zero.
Short arrays still raise where CPython does."""


def pairs(a):
    s = 0.0
    for k in range(3):
        s += a[k] * a[k + 1]
    return s


def odd_steps_down(a):
    s = 0.0
    for k in range(5, 0, -2):
        s += 1.0 / k + a[k]
    return s


def from_the_end(a):
    s = 0.0
    for k in range(1, 4):
        s += a[-k]
    return s


def through_zero(a):
    s = 0.0
    for k in range(-2, 3):
        s += a[k] + 1.0 / k
    return s


def rows(m):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(3):
            s += m[i, j] * (j + 1)
    return s


# run: pairs([1.0, 2.0, 3.0, 4.0]) -> 20.0
# run: pairs([1.0, 2.0, 3.0]) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 11)
# run: odd_steps_down([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]) -> 13.533333333333333
# run: odd_steps_down([1.0, 2.0, 3.0, 4.0]) -> raises IndexError: index 5 is out of bounds for axis 0 with size 4 (line 18)
# run: from_the_end([1.0, 2.0, 3.0]) -> 6.0
# run: from_the_end([1.0, 2.0]) -> raises IndexError: index -3 is out of bounds for axis 0 with size 2 (line 25)
# run: through_zero([1.0, 2.0, 3.0, 4.0, 5.0]) -> raises ZeroDivisionError: float division by zero (line 32)
# run: rows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]) -> 46.0
# run: rows([[1.0, 2.0], [4.0, 5.0]]) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 40)
