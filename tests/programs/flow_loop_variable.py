"""Assigning the loop variable inside the body does not change the iteration; the variable keeps its last value."""


def reassign_in_body(n):
    s = 0
    for i in range(n):
        s += i
        i = 100
        s += i
    return s


def last_value(a, b, step):
    i = -1
    for i in range(a, b, step):
        pass
    return i


def bound_captured(n):
    count = 0
    for i in range(n):
        n -= 1
        count += 1
    return count * 1000 + n


def array_changed_while_iterating(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
        if i + 1 < len(a):
            a[i + 1] = a[i + 1] * 2.0
    return s


# run: reassign_in_body(4) -> 406
# run: reassign_in_body(0) -> 0
# run: last_value(0, 10, 3) -> 9
# run: last_value(5, 0, 1) -> -1
# run: last_value(5, -5, -4) -> -3
# run: bound_captured(5) -> 5000
# run: bound_captured(-2) -> -2
# run: array_changed_while_iterating([1.0, 1.0, 1.0]) -> 5.0
# after: [1.0, 2.0, 2.0]
