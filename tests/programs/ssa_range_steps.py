"""range with negative and large steps, zero steps raising ValueError, and bounds computed by calls (each evaluated once, before the loop)."""


def noisy(x):
    print("bound", x)
    return x


def stepped_sum(start, stop, step):
    s = 0
    c = 0
    for i in range(start, stop, step):
        s += i
        c += 1
    return s * 1000 + c


def last_value(start, stop, step):
    v = -999
    for i in range(start, stop, step):
        v = i
    return v


def call_bounds(n):
    s = 0
    for i in range(noisy(1), noisy(n), noisy(2)):
        s += i
        n = 0
    return s


def shrinking(n):
    total = 0
    for i in range(n, 0, -1):
        for j in range(i, -1, -i):
            total += j
    return total


def zero_step_inner(n, k):
    c = 0
    for i in range(n):
        print(i)
        for j in range(0, n, k - i):
            c += 1
    return c


def huge_step(start):
    c = 0
    last = 0
    for i in range(start, 9223372036854775807, 4611686018427387904):
        c += 1
        last = i
    return c * 10 + (last > 0)


def huge_negative_step(start):
    c = 0
    for i in range(start, -9223372036854775807, -4611686018427387904):
        c += 1
    return c


def len_bound(a):
    s = 0.0
    for i in range(len(a) - 1, -1, -2):
        s = s * 10 + a[i]
    return s


# run: stepped_sum(10, 0, -1) -> 55010
# run: stepped_sum(10, 0, -3) -> 22004
# run: stepped_sum(0, 10, -1) -> 0
# run: stepped_sum(-5, 5, 1000000) -> -4999
# run: stepped_sum(5, -5, -1000000) -> 5001
# run: stepped_sum(-10, -20, -4) -> -41997
# run: stepped_sum(0, 10, 0) -> raises ValueError: range() arg 3 must not be zero (line 12)
# run: stepped_sum(3, 3, 0) -> raises ValueError: range() arg 3 must not be zero (line 12)
# run: last_value(0, 10, 3) -> 9
# run: last_value(10, 0, -3) -> 1
# run: last_value(0, 0, 1) -> -999
# run: last_value(-1, -10, -9) -> -1
# run: last_value(-1, -11, -9) -> -10
# run: call_bounds(7) -> 9
# out: bound 1
# out: bound 7
# out: bound 2
# run: call_bounds(0) -> 0
# out: bound 1
# out: bound 0
# out: bound 2
# run: shrinking(0) -> 0
# run: shrinking(4) -> 10
# run: zero_step_inner(3, 5) -> 3
# out: 0
# out: 1
# out: 2
# run: zero_step_inner(4, 2) -> raises ValueError: range() arg 3 must not be zero (line 45)
# out: 0
# out: 1
# out: 2
# run: huge_step(0) -> 21
# run: huge_step(-9223372036854775807) -> 41
# run: huge_step(9223372036854775806) -> 11
# run: huge_negative_step(9223372036854775807) -> 4
# run: huge_negative_step(0) -> 2
# run: len_bound([1.0, 2.0, 3.0, 4.0, 5.0]) -> 531.0
# run: len_bound([]) -> 0.0
