"""Variables assigned on some paths only: reads where the path skipped the assignment raise UnboundLocalError; loop bodies that ran zero times."""


def branch_then_loop(x, n):
    if x > 0:
        y = x
    for i in range(n):
        y = y + i
    return y


def defined_in_inner(n, m):
    total = 0
    for i in range(n):
        for j in range(m):
            inner = i * j
        total += inner
    return total


def elif_chain(x):
    if x < 0:
        kind = -1
    elif x == 0:
        pass
    elif x < 10:
        kind = 1
    else:
        kind = 2
    return kind * 10


def loop_var_after_break(a, limit):
    for i in range(len(a)):
        if a[i] > limit:
            break
        last_ok = a[i]
    print(i)
    return last_ok


def while_defined(n):
    k = n
    while k > 0:
        half = k // 2
        k -= 3
    return half + k


def defined_late_in_loop(n):
    s = 0
    for i in range(n):
        if i > 0:
            s += prev
        prev = i * i
    return s


def conditional_in_loop(a):
    for x in a:
        if x > 0.0:
            pos = x
    return pos


def redefined_after_read(flag, n):
    total = 0
    for i in range(n):
        if flag:
            v = i
        total += v
        flag = not flag
    return total


def zero_trip_float(a):
    for x in a:
        m = x * 2.0
    return m + 1.0


# run: branch_then_loop(-1, 2) -> raises UnboundLocalError: cannot access local variable 'y' where it is not associated with a value (line 8)
# run: branch_then_loop(3, 4) -> 9
# run: branch_then_loop(3, 0) -> 3
# run: branch_then_loop(-1, 0) -> raises UnboundLocalError: cannot access local variable 'y' where it is not associated with a value (line 9)
# run: defined_in_inner(3, 2) -> 3
# run: defined_in_inner(0, 0) -> 0
# run: defined_in_inner(2, 0) -> raises UnboundLocalError: cannot access local variable 'inner' where it is not associated with a value (line 17)
# run: elif_chain(-5) -> -10
# run: elif_chain(5) -> 10
# run: elif_chain(50) -> 20
# run: elif_chain(0) -> raises UnboundLocalError: cannot access local variable 'kind' where it is not associated with a value (line 30)
# run: loop_var_after_break([1.0, 2.0, 9.0, 3.0], 5.0) -> 2.0
# out: 2
# run: loop_var_after_break([1.0, 2.0], 5.0) -> 2.0
# out: 1
# run: loop_var_after_break([9.0, 1.0], 5.0) -> raises UnboundLocalError: cannot access local variable 'last_ok' where it is not associated with a value (line 39)
# out: 0
# run: loop_var_after_break([], 5.0) -> raises UnboundLocalError: cannot access local variable 'i' where it is not associated with a value (line 38)
# run: while_defined(10) -> -2
# run: while_defined(0) -> raises UnboundLocalError: cannot access local variable 'half' where it is not associated with a value (line 47)
# run: defined_late_in_loop(5) -> 14
# run: defined_late_in_loop(0) -> 0
# run: conditional_in_loop([1.0, -2.0, 3.0, -4.0]) -> 3.0
# run: conditional_in_loop([-1.0, -2.0]) -> raises UnboundLocalError: cannot access local variable 'pos' where it is not associated with a value (line 63)
# run: conditional_in_loop([]) -> raises UnboundLocalError: cannot access local variable 'pos' where it is not associated with a value (line 63)
# run: redefined_after_read(True, 5) -> 8
# run: redefined_after_read(False, 5) -> raises UnboundLocalError: cannot access local variable 'v' where it is not associated with a value (line 71)
# run: redefined_after_read(False, 0) -> 0
# run: zero_trip_float([1.5, 2.5]) -> 6.0
# run: zero_trip_float([]) -> raises UnboundLocalError: cannot access local variable 'm' where it is not associated with a value (line 79)
