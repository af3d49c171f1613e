"""Arrays as SSA values: allocated in a loop and reassigned each iteration, chosen by a conditional expression, passed to and returned from helpers in loops."""
import numpy as np


def last_alloc(n, reps):
    b = np.zeros(1)
    for r in range(reps):
        b = np.zeros(n)
        for i in range(n):
            b[i] = r * 10 + i
    return b


def ping_pong(a, steps):
    src = a
    dst = np.zeros(len(a))
    for s in range(steps):
        for i in range(len(src)):
            left = src[i - 1] if i > 0 else 0.0
            dst[i] = left + src[i]
        src, dst = dst, src
    return src


def choose(a, b, first):
    c = a if first else b
    c[0] = -1.0
    return c[len(c) - 1]


def scale(v, k):
    out = np.empty(len(v))
    for i in range(len(v)):
        out[i] = v[i] * k
    return out


def bump(v):
    for i in range(len(v)):
        v[i] += 1
    return v


def helper_chain(v, n):
    for r in range(n):
        v = scale(v, 2.0)
        v = bump(v)
    return v


def mutate_through_helper(v, n):
    w = v
    for r in range(n):
        w = bump(w)
    return v[0] - w[0]


def grow(n):
    acc = [0] * 1
    for k in range(1, n + 1):
        nxt = [0] * (k + 1)
        for i in range(k):
            nxt[i] += acc[i]
            nxt[i + 1] += acc[i] + 1
        acc = nxt
    return acc


def alloc_in_branch(n, flag):
    if flag:
        z = np.ones(n)
    else:
        z = np.zeros(n + 1)
    s = 0.0
    for x in z:
        s += x
    return s


def pick_row(m, want_max):
    best = -1
    for i in range(m.shape[0]):
        row_sum = 0.0
        for j in range(m.shape[1]):
            row_sum += m[i, j]
        if best < 0 or (row_sum > m[best, 0] if want_max else row_sum < m[best, 0]):
            best = i
    return best


# run: last_alloc(3, 2) -> [10.0, 11.0, 12.0]
# run: last_alloc(3, 0) -> [0.0]
# run: last_alloc(0, 4) -> []
# run: ping_pong([1.0, 0.0, 0.0, 0.0], 3) -> [1.0, 3.0, 3.0, 1.0]
# after: [1.0, 2.0, 1.0, 0.0], 3
# run: ping_pong([1.0, 0.0, 0.0, 0.0], 0) -> [1.0, 0.0, 0.0, 0.0]
# run: ping_pong([1.0, 2.0], 1) -> [1.0, 3.0]
# run: choose([1.0, 2.0], [3.0, 4.0, 5.0], True) -> 2.0
# after: [-1.0, 2.0], [3.0, 4.0, 5.0], True
# run: choose([1.0, 2.0], [3.0, 4.0, 5.0], False) -> 5.0
# after: [1.0, 2.0], [-1.0, 4.0, 5.0], False
# run: choose([1.0], [], False) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 27)
# run: helper_chain([1.0, 2.0], 3) -> [15.0, 23.0]
# run: helper_chain([1.0, 2.0], 0) -> [1.0, 2.0]
# run: mutate_through_helper([5, 6], 3) -> 0
# after: [8, 9], 3
# run: mutate_through_helper([], 2) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 55)
# run: grow(0) -> [0]
# run: grow(4) -> [0, 4, 9, 9, 4]
# run: alloc_in_branch(3, True) -> 3.0
# run: alloc_in_branch(3, False) -> 0.0
# run: alloc_in_branch(0, True) -> 0.0
# run: pick_row([[1.0, 2.0], [5.0, 0.0], [0.5, 0.5]], True) -> 1
# run: pick_row([[1.0, 2.0], [5.0, 0.0], [0.5, 0.5]], False) -> 0
