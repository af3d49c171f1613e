"""Bool and int arrays: counting Trues, bool elements in arithmetic, int elements in integer arithmetic."""


def count_true(flags):
    c = 0
    for i in range(len(flags)):
        if flags[i]:
            c += 1
    return c


def bool_sum(flags):
    s = 0
    for f in flags:
        s += f
    return s


def mask_sum(a, mask):
    s = 0
    for i in range(len(a)):
        if mask[i] and a[i] > 0:
            s += a[i]
    return s


def int_floor_stats(a):
    s = 0
    for x in a:
        s += x // 3 + x % 3
    return s


def toggle(flags, k):
    flags[k] = not flags[k]
    return flags[k] + flags[k]


# run: count_true([True, False, True, True]) -> 3
# run: count_true([]) -> 0
# run: bool_sum([True, True, False]) -> 2
# run: mask_sum([5, -2, 7, 9], [True, True, False, True]) -> 14
# run: int_floor_stats([7, -7, 0, 3, -1]) -> 4
# run: toggle([False, True], 0) -> True
# after: [True, True], 0
# run: toggle([False, True], 1) -> False
# after: [False, False], 1
