"""Chained comparisons evaluate each middle operand once and stop at the first false link."""


def trace(x):
    print("eval", x)
    return x


def between(lo, x, hi):
    return lo <= trace(x) < hi


def chain4(a, b, c, d):
    return trace(a) < trace(b) < trace(c) < trace(d)


def mixed(a, b, c):
    return a == b != c > 0


def count_inside(n):
    k = 0
    for i in range(-n, n):
        if -3 < i <= 2:
            k += 1
    return k


# run: between(0, 5, 10) -> True
# out: eval 5
# run: between(0, 10, 10) -> False
# out: eval 10
# run: between(0, -1, 10) -> False
# out: eval -1
# run: between(0.5, 1, 1.5) -> True
# out: eval 1
# run: between(0.0, nan, 1.0) -> False
# out: eval nan
# run: chain4(1, 2, 3, 4) -> True
# out: eval 1
# out: eval 2
# out: eval 3
# out: eval 4
# run: chain4(1, 3, 2, 4) -> False
# out: eval 1
# out: eval 3
# out: eval 2
# run: chain4(5, 2, 3, 4) -> False
# out: eval 5
# out: eval 2
# run: chain4(1.0, 2, 3.5, 3) -> False
# out: eval 1.0
# out: eval 2
# out: eval 3.5
# out: eval 3
# run: mixed(1, 1, 2) -> True
# run: mixed(1, 1, 1) -> False
# run: mixed(2.0, 2, 0) -> False
# run: count_inside(10) -> 5
# run: count_inside(0) -> 0
