"""Found by review: loop-invariant code motion moved the length of an inner
`range(10, 0, s)` before the outer loop, above the check that `s` is not
zero, and the division inside it killed the process (SIGFPE) when it was.
A range length now moves only with a constant step."""


def guarded(n, s):
    t = 0
    for i in range(n):
        if s != 0:
            for j in range(10, 0, s):
                t += 1
    return t


def unguarded(n, s):
    t = 0
    for i in range(n):
        for j in range(10, 0, s):
            t += 1
    return t


# run: guarded(3, 0) -> 0
# run: guarded(3, -2) -> 15
# run: guarded(3, 2) -> 0
# run: unguarded(3, 0) -> raises ValueError: range() arg 3 must not be zero (line 19)
# run: unguarded(3, -3) -> 12
# run: unguarded(0, 0) -> 0
