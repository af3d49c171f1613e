"""Mutually recursive functions: is_even/is_odd and a Hofstadter female/male pair."""


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def female(n):
    if n == 0:
        return 1
    return n - male(female(n - 1))


def male(n):
    if n == 0:
        return 0
    return n - female(male(n - 1))


def count_even(n):
    c = 0
    for i in range(n):
        if is_even(i):
            c += 1
    return c


# run: is_even(0) -> True
# run: is_even(7) -> False
# run: is_even(100) -> True
# run: is_odd(7) -> True
# run: is_odd(0) -> False
# run: female(10) -> 6
# run: male(10) -> 6
# run: female(0) -> 1
# run: count_even(21) -> 11
