"""len(a), a.size, a.shape[0] and a.shape[1] for 1-D, 2-D and empty arrays."""


def describe1(a):
    return len(a) * 100 + a.size * 10 + a.shape[0]


def describe2(m):
    return len(m) * 10000 + m.shape[0] * 1000 + m.shape[1] * 100 + m.size


def shape_arith(m):
    return m.size / m.shape[0] + len(m) // 2


def count_loop(a):
    c = 0
    for i in range(a.size):
        c += 1
    for i in range(a.shape[-1]):
        c += 10
    return c


# run: describe1([1.0, 2.0, 3.0]) -> 333
# run: describe1([]) -> 0
# run: describe1([True]) -> 111
# run: describe2([[1, 2, 3], [4, 5, 6]]) -> 22306
# run: describe2([[1], [2], [3], [4]]) -> 44104
# run: shape_arith([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]) -> 3.0
# run: count_loop([4, 5, 6]) -> 33
# run: count_loop([]) -> 0
