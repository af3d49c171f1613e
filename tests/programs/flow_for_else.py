"""for-else: the else runs when the loop finishes (also when it runs zero times), break skips it."""


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    else:
        pass
    return True


def find_index(a, x):
    for i in range(len(a)):
        if a[i] == x:
            break
    else:
        return -1
    return i


def count_with_else(n):
    c = 0
    for i in range(n):
        c += 1
    else:
        c += 100
    return c


def array_for_else(a, limit):
    s = 0.0
    for x in a:
        if x > limit:
            break
        s += x
    else:
        s = -s
    return s


# run: is_prime(2) -> True
# run: is_prime(97) -> True
# run: is_prime(91) -> False
# run: is_prime(1) -> False
# run: is_prime(-7) -> False
# run: find_index([4, 8, 15, 16], 15) -> 2
# run: find_index([4, 8, 15, 16], 5) -> -1
# run: find_index([], 5) -> -1
# run: count_with_else(3) -> 103
# run: count_with_else(0) -> 100
# run: array_for_else([1.0, 2.0, 3.0], 2.5) -> 3.0
# run: array_for_else([1.0, 2.0, 3.0], 10.0) -> -6.0
# run: array_for_else([], 1.0) -> -0.0
