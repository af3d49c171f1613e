"""range() with a zero step raises ValueError before the loop runs, even if the range would be empty."""


def stepped(n, step):
    total = 0
    for i in range(0, n, step):
        total += i
    return total


def after_work(n, step):
    total = 0
    for i in range(n):
        total += i
    print("before", total)
    for j in range(n, 0, step):
        total += j
    return total


# run: stepped(10, 2) -> 20
# run: stepped(10, 0) -> raises ValueError: range() arg 3 must not be zero (line 6)
# run: stepped(0, 0) -> raises ValueError: range() arg 3 must not be zero (line 6)
# run: stepped(-5, 0) -> raises ValueError: range() arg 3 must not be zero (line 6)
# run: after_work(4, -1) -> 16
# out: before 6
# run: after_work(4, 0) -> raises ValueError: range() arg 3 must not be zero (line 16)
# out: before 6
