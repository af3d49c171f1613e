"""Out-of-SSA copy problems: the lost copy (a value read after the loop that redefines it), the swap problem (copies through a temporary), phis reading phis, partial rotations."""


def lost_copy(n):
    x = 0
    y = -1
    while True:
        y = x
        x = x + 1
        if x >= n:
            break
    return y * 100 + x


def swap_problem(n):
    a = 1
    b = 2
    i = 0
    while i < n:
        t = a
        a = b
        b = t
        i += 1
    return a * 10 + b


def phi_of_phi(n, m):
    x = 0
    y = 0
    for i in range(n):
        y = x
        for j in range(m):
            x, y = y + 1, x
        if i % 2 == 1:
            continue
        x = y
    return x * 1000 + y


def cond_swap_break(a):
    p = 0
    q = 1
    for v in a:
        if v < 0:
            p, q = q, p
            continue
        if v == 0:
            break
        p, q = q + v, p
    return p * 100 + q


def rotate_partial(n):
    a, b, c, d = 1, 2, 3, 4
    for i in range(n):
        if i % 2 == 0:
            a, b, c, d = d, a, b, c
        else:
            a, c = c, a
    return a * 1000 + b * 100 + c * 10 + d


def self_swap(n):
    a, b = 3, 4
    for i in range(n):
        a, b = a, b
        a, a = b, a
    return a * 10 + b


def phi_reads_phi(n):
    a = 1
    b = 2
    c = 3
    while n > 0:
        a, b, c = b, c, a + b + c
        n -= 1
        if c > 1000:
            return -a
    return a + b * 7 + c * 13


def nested_while_phis(n):
    i = 0
    total = 0
    last = -1
    while i < n:
        j = i
        while j > 0:
            if j % 3 == 0:
                last = j
                break
            j -= 1
        else:
            last = -last
        total += last
        i += 1
    return total * 100 + last


# run: lost_copy(1) -> 1
# run: lost_copy(5) -> 405
# run: lost_copy(-3) -> 1
# run: swap_problem(0) -> 12
# run: swap_problem(3) -> 21
# run: swap_problem(4) -> 12
# run: phi_of_phi(0, 5) -> 0
# run: phi_of_phi(3, 2) -> 3003
# run: phi_of_phi(4, 3) -> 6005
# run: phi_of_phi(5, 0) -> 0
# run: cond_swap_break([1, -1, 2, 3, 0, 5]) -> 304
# run: cond_swap_break([-1, -1, -1]) -> 100
# run (deviation 2): cond_swap_break([]) -> 1.0
# run: rotate_partial(0) -> 1234
# run: rotate_partial(5) -> 4123
# run: rotate_partial(6) -> 2143
# run: self_swap(0) -> 34
# run: self_swap(3) -> 34
# run: phi_reads_phi(0) -> 54
# run: phi_reads_phi(4) -> 632
# run: phi_reads_phi(20) -> -423
# run: nested_while_phis(0) -> -1
# run: nested_while_phis(7) -> 1606
