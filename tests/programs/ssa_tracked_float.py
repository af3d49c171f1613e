"""A float local that holds a Python float on entry and a NumPy float64 after adding array elements: division by zero raises on one path only."""


def mean(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s / len(a)


def floor_zero(a):
    s = 0.0
    for x in a:
        s += x
    return s // 0


def mod_zero(a, d):
    s = 0.0
    for x in a:
        s += x
    return s % d


def mean_then_print(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    print(s)
    r = s / len(a)
    print(r)
    return r


def reset_in_loop(a, k):
    s = 0.0
    for i in range(len(a)):
        if i == k:
            s = 0.0
        else:
            s += a[i]
    return s / 0.0


def conditional_add(a, flag):
    s = 1.0
    if flag:
        s += a[0]
    return s / 0


def nested_tracked(m):
    t = 0.0
    for i in range(m.shape[0]):
        row = 0.0
        for j in range(m.shape[1]):
            row += m[i, j]
        t += row / m.shape[1]
    return t / m.shape[0]


def while_tracked(a, stop):
    s = 0.0
    i = 0
    while i < len(a) and a[i] != stop:
        s += a[i]
        i += 1
    return s // i


# run: mean([1.0, 2.0, 4.0]) -> 2.3333333333333335
# run: mean([]) -> raises ZeroDivisionError: float division by zero (line 8)
# run: mean([0.0]) -> 0.0
# run: floor_zero([]) -> raises ZeroDivisionError: float floor division by zero (line 15)
# run: floor_zero([1.5]) -> inf
# run: floor_zero([-1.5]) -> -inf
# run: floor_zero([0.0]) -> nan
# run: mod_zero([], 0.0) -> raises ZeroDivisionError: float modulo (line 22)
# run: mod_zero([3.0], 0.0) -> nan
# run: mod_zero([7.5], 2.0) -> 1.5
# run: mod_zero([], 2.0) -> 0.0
# run: mean_then_print([1.0, 2.0]) -> 1.5
# out: 3.0
# out: 1.5
# run: mean_then_print([]) -> raises ZeroDivisionError: float division by zero (line 30)
# out: 0.0
# run: reset_in_loop([1.0, 2.0, 3.0], 5) -> inf
# run: reset_in_loop([1.0, 2.0, 3.0], 2) -> raises ZeroDivisionError: float division by zero (line 42)
# run: reset_in_loop([1.0, -2.0, 3.0], 0) -> inf
# run: reset_in_loop([], 0) -> raises ZeroDivisionError: float division by zero (line 42)
# run: conditional_add([2.0], True) -> inf
# run: conditional_add([2.0], False) -> raises ZeroDivisionError: float division by zero (line 49)
# run: conditional_add([-1.0], True) -> nan
# run: nested_tracked([[1.0, 2.0], [3.0, 4.0]]) -> 2.5
# run: while_tracked([1.0, 2.0, 3.0], 3.0) -> 1.0
# run: while_tracked([1.0, 2.0, 3.0], 1.0) -> raises ZeroDivisionError: float floor division by zero (line 68)
# run: while_tracked([], 1.0) -> raises ZeroDivisionError: float floor division by zero (line 68)
# run: while_tracked([-4.5], 9.0) -> -5.0
