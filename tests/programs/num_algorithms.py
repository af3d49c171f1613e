"""Small integer algorithms mixing //, %, ** and comparisons with negative inputs: gcd, modular power, integer sqrt."""


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return abs(a)


def modpow(base, exp, m):
    result = 1
    base %= m
    while exp > 0:
        if exp & 1:
            result = result * base % m
        base = base * base % m
        exp >>= 1
    return result


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = x // 2 + x % 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def digit_sum(n):
    n = abs(n)
    s = 0
    while n:
        n, d = n // 10, n % 10
        s += d
    return s


# run: gcd(48, 18) -> 6
# run: gcd(-48, 18) -> 6
# run: gcd(48, -18) -> 6
# run: gcd(0, 0) -> 0
# run: gcd(0, -7) -> 7
# run: modpow(3, 200, 1000000007) -> 136318165
# run: modpow(-3, 3, 7) -> 1
# run: modpow(2, 0, 1) -> 1
# run: modpow(2, 10, 0) -> raises ZeroDivisionError: integer modulo by zero (line 12)
# run: isqrt(0) -> 0
# run: isqrt(15) -> 3
# run: isqrt(16) -> 4
# run: isqrt(9223372036854775807) -> 3037000499
# run: digit_sum(-9223372036854775807) -> 88
# run: digit_sum(0) -> 0
