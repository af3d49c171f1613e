"""Functions returning bool, used directly in conditions, combined with and/or/not, and counted."""


def is_leap(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def in_range(x, lo, hi):
    return lo <= x < hi


def is_sorted(a):
    for i in range(len(a) - 1):
        if a[i] > a[i + 1]:
            return False
    return True


def count_leaps(start, stop):
    c = 0
    for y in range(start, stop):
        if is_leap(y):
            c += 1
    return c


def both(x):
    return in_range(x, 0, 10) and not is_leap(x)


def leap_sum(a, b):
    return is_leap(a) + is_leap(b)


# run: is_leap(2000) -> True
# run: is_leap(1900) -> False
# run: is_leap(2024) -> True
# run: is_leap(2023) -> False
# run: is_leap(-4) -> True
# run: in_range(5.0, 0, 10) -> True
# run: in_range(10, 0, 10) -> False
# run: in_range(nan, 0, 10) -> False
# run: is_sorted([1.0, 2.0, 2.0, 3.0]) -> True
# run: is_sorted([1.0, 3.0, 2.0]) -> False
# run: is_sorted([]) -> True
# run: count_leaps(1890, 2030) -> 34
# run: both(4) -> False
# run: both(5) -> True
# run: both(12) -> False
# run: leap_sum(2000, 2004) -> 2
# run: leap_sum(2001, 2004) -> 1
