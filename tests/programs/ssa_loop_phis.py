"""Loop-carried values with several definitions per iteration: phis at loop headers and exits, values live out of multiple exits, constant branches and dead code."""

DEBUG = False
LIMIT = 5


def multi_exit(a, t):
    i = 0
    state = 0
    while i < len(a):
        if a[i] == t:
            state = 1
            break
        if a[i] > t:
            state = 2
            break
        state = -i
        i += 1
    return state * 100 + i


def alternating(n):
    x = 1
    y = 0
    for i in range(n):
        if i % 2 == 0:
            x, y = x + y, x
        else:
            y = x - y
        if DEBUG:
            print("never")
    return x * 1000 + y


def constant_branches(n):
    s = 0
    for i in range(n):
        if LIMIT > 3:
            s += i
        else:
            s -= i
        if False:
            s = -1
        while 0:
            s = -2
    return s


def dead_after_return(x):
    for i in range(10):
        if i == x:
            return i * 2
        continue
    return -1


def unused_values(a):
    total = 0.0
    for i in range(len(a)):
        unused = a[i] * 2.0
        total += a[i]
        also_unused = unused / 3.0
    return total


def unused_but_raises(a, d):
    c = 0
    for i in range(len(a)):
        q = a[i] // d
        c += 1
    return c


def counter_loop(n):
    a = 0
    b = 0
    c = 0
    while a < n:
        a += 1
        if a % 3 == 0:
            continue
        b += a
        if b > 50:
            c += 1
            b -= 50
    return a * 10000 + b * 100 + c


def same_value_phi(x, n):
    y = x
    for i in range(n):
        if i > 100:
            y = x
    return y


def invariant_in_loop(x, n):
    s = 0.0
    for i in range(n):
        k = x * 2.0 + 1.0
        s += k
    return s


def float_int_join(n):
    v = 1
    for i in range(n):
        if i == 2:
            v = v / 4
        else:
            v = v * 2
    return v


# run: multi_exit([1, 2, 3], 2) -> 101
# run: multi_exit([1, 2, 5], 4) -> 202
# run: multi_exit([1, 2, 3], 9) -> -197
# run: multi_exit([], 9) -> 0
# run: alternating(0) -> 1000
# run: alternating(7) -> 1001
# run: constant_branches(5) -> 10
# run: dead_after_return(3) -> 6
# run: dead_after_return(30) -> -1
# run: unused_values([1.0, 2.0, 3.5]) -> 6.5
# run: unused_values([]) -> 0.0
# run: unused_but_raises([1, 2, 3], 2) -> 3
# run: unused_but_raises([1, 2, 3], 0) -> 3
# run: unused_but_raises([], 0) -> 0
# run: unused_but_raises([1.5], 0.0) -> 1
# run: counter_loop(0) -> 0
# run: counter_loop(30) -> 305005
# run: same_value_phi(7, 3) -> 7
# run: same_value_phi(7.5, 0) -> 7.5
# run: invariant_in_loop(1.5, 4) -> 16.0
# run: invariant_in_loop(nan, 0) -> 0.0
# run: float_int_join(5) -> 4.0
# run: float_int_join(3) -> 1.0
