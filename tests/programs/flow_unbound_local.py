"""Reading a local that is assigned on some paths only raises UnboundLocalError when the path skipped it."""


def one_branch(x):
    if x > 0:
        y = x * 2
    return y


def loop_only(n):
    for i in range(n):
        last = i * i
    return last


def loop_variable(n):
    for i in range(n):
        pass
    return i


def while_assigned(n):
    k = 0
    while k < n:
        found = k
        k += 3
    return found


def assigned_later(flag):
    if flag:
        r = 1
    else:
        print("reading r")
    total = r + 1
    r = total
    return r


# run: one_branch(3) -> 6
# run: one_branch(-3) -> raises UnboundLocalError: cannot access local variable 'y' where it is not associated with a value (line 7)
# run: one_branch(0.0) -> raises UnboundLocalError: cannot access local variable 'y' where it is not associated with a value (line 7)
# run: loop_only(4) -> 9
# run: loop_only(0) -> raises UnboundLocalError: cannot access local variable 'last' where it is not associated with a value (line 13)
# run: loop_variable(5) -> 4
# run: loop_variable(-1) -> raises UnboundLocalError: cannot access local variable 'i' where it is not associated with a value (line 19)
# run: while_assigned(7) -> 6
# run: while_assigned(0) -> raises UnboundLocalError: cannot access local variable 'found' where it is not associated with a value (line 27)
# run: assigned_later(True) -> 2
# run: assigned_later(False) -> raises UnboundLocalError: cannot access local variable 'r' where it is not associated with a value (line 35)
# out: reading r
