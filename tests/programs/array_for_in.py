"""for x in a iterates the elements of a 1-D array in order, with break, continue and else."""


def weighted(a):
    s = 0.0
    k = 1
    for x in a:
        s += k * x
        k += 1
    return s


def count_positive(a):
    c = 0
    for x in a:
        if x <= 0:
            continue
        c += 1
    return c


def first_over(a, t):
    for x in a:
        if x > t:
            break
    else:
        return -1
    return x


def any_true(flags):
    for f in flags:
        if f:
            return True
    return False


def nested_pairs(a, b):
    s = 0
    for x in a:
        for y in b:
            s += x * y
    return s


# run: weighted([1.0, 2.0, 3.0]) -> 14.0
# run: weighted([]) -> 0.0
# run: count_positive([1, -2, 0, 5, 7]) -> 3
# run: count_positive([-0.0, 0.0, 1e-300, -1e-300]) -> 1
# run: first_over([1, 5, 2, 9], 4) -> 5
# run: first_over([1, 2], 4) -> -1
# run: any_true([False, False, True]) -> True
# run: any_true([False]) -> False
# run: nested_pairs([1, 2, 3], [10, 100]) -> 660
