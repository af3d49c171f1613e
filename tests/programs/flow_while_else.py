"""while loops with else: the else runs when the condition turns false, break skips it."""


def find_power(limit, base):
    p = 1
    k = 0
    while p < limit:
        p *= base
        k += 1
        if p == limit:
            break
    else:
        return -k
    return k


def countdown(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    else:
        total += 1000
    return total


def first_multiple(a, m):
    i = 0
    while i < len(a):
        if a[i] % m == 0:
            break
        i += 1
    else:
        i = -1
    return i


def while_true(n):
    i = 0
    while True:
        i += 1
        if i * i >= n:
            break
    return i


# run: find_power(8, 2) -> 3
# run: find_power(10, 2) -> -4
# run: find_power(1, 3) -> 0
# run: find_power(81, 3) -> 4
# run: countdown(4) -> 1010
# run: countdown(0) -> 1000
# run: countdown(-3) -> 1000
# run: first_multiple([3, 5, 14, 21], 7) -> 2
# run: first_multiple([3, 5, 11], 7) -> -1
# run: first_multiple([], 7) -> -1
# run: while_true(50) -> 8
# run: while_true(0) -> 1
