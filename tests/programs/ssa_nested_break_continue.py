"""break and continue at several loop depths, for-else and while-else where break skips the else, early returns from nested loops."""


def find_pair(a, target):
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if a[i] + a[j] == target:
                return i * 100 + j
    return -1


def first_row_with_neg(m):
    r = -1
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j] < 0:
                break
        else:
            continue
        r = i
        break
    else:
        r = -2
    return r


def skip_levels(n):
    total = 0
    for i in range(n):
        if i % 4 == 3:
            continue
        j = 0
        while j < n:
            j += 1
            if j % 2 == 0:
                continue
            if j > i:
                break
            for k in range(j):
                if k == 2:
                    break
                total += i * 100 + j * 10 + k
            else:
                total += 1000
        else:
            total -= 1
    return total


def while_else_search(n, x):
    i = 0
    while i < n:
        if i * i == x:
            print("found", i)
            break
        i += 1
    else:
        print("not found")
        return -1
    return i


def count_primes_below(n):
    count = 0
    for p in range(2, n):
        for d in range(2, p):
            if d * d > p:
                count += 1
                break
            if p % d == 0:
                break
        else:
            count += 1
    return count


def nested_return_value(m, limit):
    acc = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            acc += m[i, j]
            if acc > limit:
                return acc * 1000 + i * 10 + j
        acc = -acc
    return acc


def labelled_exit(n):
    found = False
    i = 0
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if i * j * k == 12:
                    found = True
                    break
            if found:
                break
        if found:
            break
    return i if found else -i


def while_true_exit(n):
    k = 0
    steps = 0
    while True:
        steps += 1
        if k >= n:
            break
        k += 3
        if k % 2 == 0:
            continue
        k -= 1
    return steps * 100 + k


def nested_else_chain(n):
    out = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
        else:
            out += 10
        while out > 25:
            out -= 7
            if out % 5 == 0:
                break
        else:
            out += 1
    return out


# run: find_pair([1, 5, 3, 7], 10) -> 203
# run: find_pair([1, 5, 3, 7], 8) -> 3
# run: find_pair([1, 5, 3, 7], 100) -> -1
# run: find_pair([], 0) -> -1
# run: first_row_with_neg([[1.0, 2.0], [3.0, -4.0], [-5.0, 6.0]]) -> 1
# run: first_row_with_neg([[1.0, 2.0], [3.0, 4.0]]) -> -2
# run: first_row_with_neg([[-1.0]]) -> 0
# run: skip_levels(0) -> 0
# run: skip_levels(5) -> 4591
# run: skip_levels(9) -> 19348
# run: while_else_search(10, 49) -> 7
# out: found 7
# run: while_else_search(10, 50) -> -1
# out: not found
# run: while_else_search(0, 0) -> -1
# out: not found
# run: count_primes_below(2) -> 0
# run: count_primes_below(30) -> 10
# run: count_primes_below(200) -> 46
# run: nested_return_value([[1.0, 2.0], [3.0, 4.0]], 100.0) -> -4.0
# run: nested_return_value([[1.0, 2.0], [3.0, 4.0]], 2.5) -> 3001.0
# run: nested_return_value([[1.0, 2.0], [30.0, 4.0]], 20.0) -> 27010.0
# run: labelled_exit(5) -> 1
# run: labelled_exit(3) -> -2
# run: labelled_exit(0) -> 0
# run: while_true_exit(0) -> 100
# run: while_true_exit(10) -> 610
# run: while_true_exit(-5) -> 100
# run: nested_else_chain(0) -> 0
# run: nested_else_chain(3) -> 13
# run: nested_else_chain(8) -> 18
