"""Recursion and mutual recursion with loops inside: loop-carried values live across recursive calls."""


def partitions(n, maxpart):
    if n == 0:
        return 1
    total = 0
    for k in range(min(n, maxpart), 0, -1):
        total += partitions(n - k, k)
    return total


def is_even(n):
    if n == 0:
        return True
    steps = 0
    while steps < 1 and n > 0:
        steps += 1
    return is_odd(n - steps)


def is_odd(n):
    if n == 0:
        return False
    for i in range(1):
        n -= 1
    return is_even(n)


def tree_sum(a, lo, hi):
    if hi - lo <= 2:
        s = 0.0
        for i in range(lo, hi):
            s += a[i]
        return s
    mid = (lo + hi) // 2
    left = tree_sum(a, lo, mid)
    right = tree_sum(a, mid, hi)
    return left + right


def hofstadter_f(n):
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n):
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))


def f_sequence(n):
    r = 0
    for i in range(n):
        r = r * 2 + hofstadter_f(i) - hofstadter_m(i)
    return r


def countdown_print(n):
    if n <= 0:
        print("done")
        return 0
    c = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        c += 1
    print(n, c)
    return c + countdown_print(n - 2)


def recursive_fill(v, i, depth):
    if i >= len(v):
        return depth
    for j in range(i, len(v)):
        v[j] += 1
    return recursive_fill(v, i + 1, depth + 1)


def deep(n):
    if n == 0:
        return 0
    acc = 0
    for i in range(2):
        acc += i
    return acc + deep(n - 1)


# run: partitions(0, 0) -> 1
# run: partitions(5, 5) -> 7
# run: partitions(20, 20) -> 627
# run: partitions(10, 3) -> 14
# run: is_even(10) -> True
# run: is_even(7) -> False
# run: is_odd(7) -> True
# run: is_odd(0) -> False
# run: tree_sum([1.0, 2.0, 3.0, 4.0, 5.0], 0, 5) -> 15.0
# run: tree_sum([], 0, 0) -> 0.0
# run: tree_sum([1.0, 2.0], 0, 5) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 34)
# run: f_sequence(0) -> 0
# run: f_sequence(12) -> 3728
# run: countdown_print(7) -> 6
# out: 7 3
# out: 5 2
# out: 3 1
# out: 1 0
# out: done
# run: countdown_print(-1) -> 0
# out: done
# run: recursive_fill([0, 0, 0, 0], 0, 0) -> 4
# after: [1, 2, 3, 4], 0, 0
# run: recursive_fill([0, 0, 0], 5, 7) -> 7
# run: deep(500) -> 500
# run: deep(100000) -> raises RecursionError: maximum recursion depth exceeded
