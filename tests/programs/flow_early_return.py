"""return from inside loops (nested, while, for-in) leaves the function at once."""


def first_negative(a):
    for i in range(len(a)):
        if a[i] < 0:
            return i
    return -1


def find_pair(a, target):
    n = len(a)
    for i in range(n):
        for j in range(i + 1, n):
            if a[i] + a[j] == target:
                return i * 100 + j
    return -1


def newton_sqrt(x):
    if x < 0.0:
        return -1.0
    if x == 0.0:
        return 0.0
    g = x
    k = 0
    while True:
        nxt = 0.5 * (g + x / g)
        k += 1
        if nxt == g or k > 100:
            return nxt
        g = nxt


def first_big(a, limit):
    for x in a:
        if x > limit:
            return x
    return 0


# run: first_negative([3.0, 1.0, -2.0, -5.0]) -> 2
# run: first_negative([3.0, 1.0]) -> -1
# run: first_negative([]) -> -1
# run: first_negative([-0.0, -1.0]) -> 1
# run: find_pair([1, 4, 6, 9], 10) -> 3
# run: find_pair([1, 4, 6, 9], 15) -> 203
# run: find_pair([1, 4, 6, 9], 2) -> -1
# run: newton_sqrt(2.0) -> 1.414213562373095
# run: newton_sqrt(0.0) -> 0.0
# run: newton_sqrt(-4.0) -> -1.0
# run: newton_sqrt(1e300) -> 3.944304526105059e+269
# run: first_big([1, 5, 10, 3], 4) -> 5
# run: first_big([1, 2], 4) -> 0
