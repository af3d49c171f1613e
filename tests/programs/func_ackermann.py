"""The Ackermann function: deep, non-primitive recursion with small arguments."""


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def ack_table(mmax, nmax):
    total = 0
    for m in range(mmax + 1):
        for n in range(nmax + 1):
            total = total * 10 + ack(m, n) % 10
    return total


# run: ack(0, 0) -> 1
# run: ack(1, 5) -> 7
# run: ack(2, 3) -> 9
# run: ack(3, 3) -> 61
# run: ack_table(2, 3) -> 123423453579
