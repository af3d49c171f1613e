"""break and continue in nested loops act on the innermost loop only."""


def pairs_below(n, limit):
    count = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 2 == 1:
                continue
            if i * j >= limit:
                break
            count += 1
    return count


def skip_rows(a, bad):
    s = 0
    for i in range(a.shape[0]):
        if a[i, 0] == bad:
            continue
        for j in range(a.shape[1]):
            if a[i, j] < 0:
                continue
            if a[i, j] == bad:
                break
            s += a[i, j]
    return s


def while_in_for(n):
    steps = 0
    for start in range(1, n):
        x = start
        while True:
            if x == 1:
                break
            steps += 1
            if x % 2 == 0:
                x //= 2
                continue
            x = 3 * x + 1
    return steps


# run: pairs_below(6, 100) -> 12
# run: pairs_below(6, 4) -> 5
# run: pairs_below(0, 4) -> 0
# run: skip_rows([[1, 2, 3], [9, 1, 1], [4, -5, 6], [7, 9, 8]], 9) -> 23
# run: skip_rows([[-1, -2], [-3, -4]], 0) -> 0
# run: while_in_for(10) -> 61
# run: while_in_for(1) -> 0
