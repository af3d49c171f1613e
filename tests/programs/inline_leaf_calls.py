"""Calls of small leaf functions, which the optimizing tier inlines: a
callee with several returns, an assert, an index check or a zero division
raises with the callee's line, and each call's arguments stay its own."""


def inv(x):
    return 1.0 / x


def clamp_inv(x, lo):
    if x < lo:
        return 0.0
    return 1.0 / x


def at(a, i):
    assert i != 2, "two"
    return a[i] * 2.0


def bump(a, i):
    a[i] += 1.0
    return a[i]


def harmonic_from(n, k):
    s = 0.0
    for i in range(n):
        s += inv(i - k)
    return s


def clamped(n, lo):
    s = 0.0
    for i in range(n):
        s += clamp_inv(i - 2.0, lo)
    return s


def gather(a, idx):
    s = 0.0
    for k in range(len(idx)):
        s += at(a, idx[k])
    return s


def bump_twice(a, i, j):
    return bump(a, i) * 10.0 + bump(a, j)


# run: harmonic_from(5, -1) -> 2.283333333333333
# run: harmonic_from(5, 3) -> raises ZeroDivisionError: float division by zero (line 7)
# run: harmonic_from(0, 0) -> 0.0
# run: clamped(6, 0.5) -> 1.8333333333333333
# run: clamped(6, -5.0) -> raises ZeroDivisionError: float division by zero (line 13)
# run: gather([1.0, 2.0, 3.0, 4.0], [0, 3, -1]) -> 18.0
# run: gather([1.0, 2.0, 3.0, 4.0], [0, 2]) -> raises AssertionError: two (line 17)
# run: gather([1.0, 2.0, 3.0, 4.0], [1, 4]) -> raises IndexError: index 4 is out of bounds for axis 0 with size 4 (line 18)
# run: bump_twice([0.0, 0.0], 1, 1) -> 12.0
# after: [0.0, 2.0], 1, 1
# run: bump_twice([0.0, 0.0], 0, 5) -> raises IndexError: index 5 is out of bounds for axis 0 with size 2 (line 22)
# after: [1.0, 0.0], 0, 5
