"""Integer floor division and modulo with negative operands in loops, and int64 wraparound near the limits (deviation 1 where CPython's ints grow)."""


def divmod_table(lo, hi, d):
    r = 0
    for x in range(lo, hi):
        r = r * 7 + (x // d) * 3 + x % d
    return r


def divisors_signed(x):
    acc = 0
    for d in range(-4, 5):
        if d == 0:
            continue
        acc = acc * 5 + x // d - x % d
    return acc


def div_by_loop_var(x, n):
    s = 0
    for d in range(n, -n - 1, -1):
        s += x // d
    return s


def mod_by_loop_var(x, n):
    s = 0
    i = n
    while i >= -n:
        s += x % i
        i -= 1
    return s


def walk_to_max(start, steps):
    x = start
    for i in range(steps):
        x += 1
    return x


def doubling(x, n):
    for i in range(n):
        x = x * 2
    return x


def neg_min(n):
    x = -9223372036854775807 - 1
    for i in range(n):
        x = -x
    return x


def min_floordiv(d):
    x = -9223372036854775807 - 1
    q = 0
    for k in range(1):
        q = x // d
    return q


def hash_mix(n):
    h = 1469598103934665603
    for i in range(n):
        h = (h ^ i) * 1099511628211
    return h


def abs_loop(a):
    s = 0
    for i in range(len(a)):
        s += abs(a[i]) % 10 - a[i] // 10
    return s


# run: divmod_table(-7, 8, 3) -> -5406945052992
# run: divmod_table(-7, 8, -3) -> 3991005655290
# run: divmod_table(0, 0, 0) -> 0
# run: divmod_table(-2, 2, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 7)
# run: divisors_signed(17) -> -267682
# run: divisors_signed(-17) -> 536332
# run: divisors_signed(0) -> 0
# run: div_by_loop_var(100, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 23)
# run: div_by_loop_var(100, 3) -> raises ZeroDivisionError: integer division or modulo by zero (line 23)
# run: mod_by_loop_var(-7, 0) -> raises ZeroDivisionError: integer modulo by zero (line 31)
# run: mod_by_loop_var(-7, 3) -> raises ZeroDivisionError: integer modulo by zero (line 31)
# run: walk_to_max(9223372036854775800, 7) -> 9223372036854775807
# run: walk_to_max(-9223372036854775807, 0) -> -9223372036854775807
# run (deviation 1): walk_to_max(9223372036854775800, 8) -> -9223372036854775808
# run: doubling(1, 62) -> 4611686018427387904
# run: doubling(-1, 63) -> -9223372036854775808
# run (deviation 1): doubling(1, 63) -> -9223372036854775808
# run (deviation 1): doubling(3, 64) -> 0
# run: neg_min(0) -> -9223372036854775808
# run (deviation 1): neg_min(1) -> -9223372036854775808
# run (deviation 1): neg_min(2) -> -9223372036854775808
# run: min_floordiv(1) -> -9223372036854775808
# run: min_floordiv(2) -> -4611686018427387904
# run: min_floordiv(-2) -> 4611686018427387904
# run: min_floordiv(0) -> raises ZeroDivisionError: integer division or modulo by zero (line 60)
# run (deviation 1): min_floordiv(-1) -> -9223372036854775808
# run: hash_mix(0) -> 1469598103934665603
# run (deviation 1): hash_mix(5) -> -1893176794124586887
# run: abs_loop([-15, 23, -7, 0]) -> 16
# run (deviation 2): abs_loop([]) -> 0.0
