"""Recursive Euclid gcd, lcm built on it, and a gcd over an array; Python's % makes signs work."""


def gcd(a, b):
    if b == 0:
        return a if a >= 0 else -a
    return gcd(b, a % b)


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a * b) // gcd(a, b)


def gcd_all(a):
    g = 0
    for x in a:
        g = gcd(g, x)
    return g


def coprime_count(n):
    c = 0
    for k in range(1, n + 1):
        if gcd(n, k) == 1:
            c += 1
    return c


# run: gcd(48, 36) -> 12
# run: gcd(17, 5) -> 1
# run: gcd(0, 9) -> 9
# run: gcd(0, 0) -> 0
# run: gcd(-48, 36) -> 12
# run: gcd(48, -36) -> 12
# run: lcm(4, 6) -> 12
# run: lcm(0, 6) -> 0
# run: lcm(-21, 6) -> 42
# run: gcd_all([12, 18, 30]) -> 6
# run: gcd_all([-7]) -> 7
# run: coprime_count(36) -> 12
# run: coprime_count(1) -> 1
