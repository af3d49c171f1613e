"""Loops that raise on a later iteration after printing on earlier ones: output before the exception matches CPython, and array writes before it stay."""
import numpy as np


def print_then_index(a, n):
    for i in range(n):
        print(i, a[i])
    return n


def write_then_index(a, idx):
    for k in range(len(idx)):
        print("write", idx[k])
        a[idx[k]] = k + 1.0
    return len(idx)


def nested_raise(m, extra):
    t = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1] + extra):
            t += m[i, j]
        print("row", i, t)
    return t


def div_in_loop(a):
    s = 0
    for i in range(len(a)):
        print(i)
        s += 100 // a[i]
    return s


def while_index(a):
    i = 0
    s = 0.0
    while True:
        s += a[i]
        print(s)
        i += 2
        if s > 100.0:
            break
    return s


def raise_in_helper(v, k):
    for i in range(k):
        print("call", i)
        touch(v, i * 2)
    return k


def touch(v, i):
    v[i] = -v[i]


def negative_walk(a):
    i = -1
    c = 0
    while c < 10:
        print(a[i])
        i -= 1
        c += 1
    return c


def alloc_then_raise(n, bad):
    out = np.zeros(n)
    for i in range(n):
        out[i] = i
        if i == bad:
            print("before", out[i])
            out[n + i] = 1.0
    return out


# run: print_then_index([1.0, 2.0, 3.0], 3) -> 3
# out: 0 1.0
# out: 1 2.0
# out: 2 3.0
# run: print_then_index([1.0, 2.0, 3.0], 5) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 7)
# out: 0 1.0
# out: 1 2.0
# out: 2 3.0
# run: print_then_index([], 1) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 7)
# run: write_then_index([0.0, 0.0, 0.0], [2, 0, 7, 1]) -> raises IndexError: index 7 is out of bounds for axis 0 with size 3 (line 14)
# out: write 2
# out: write 0
# out: write 7
# after: [2.0, 0.0, 1.0], [2, 0, 7, 1]
# run: write_then_index([0.0, 0.0, 0.0], [-1, -3, -4]) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 14)
# out: write -1
# out: write -3
# out: write -4
# after: [2.0, 0.0, 1.0], [-1, -3, -4]
# run: nested_raise([[1.0, 2.0], [3.0, 4.0]], 0) -> 10.0
# out: row 0 3.0
# out: row 1 10.0
# run: nested_raise([[1.0, 2.0], [3.0, 4.0]], 1) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 22)
# run: div_in_loop([5, 3, 0, 2]) -> 103
# out: 0
# out: 1
# out: 2
# out: 3
# run: div_in_loop([5, -3]) -> -14
# out: 0
# out: 1
# run: while_index([10.0, 0.0, 50.0, 0.0, 60.0]) -> 120.0
# out: 10.0
# out: 60.0
# out: 120.0
# run: while_index([10.0, 0.0, 50.0]) -> raises IndexError: index 4 is out of bounds for axis 0 with size 3 (line 39)
# out: 10.0
# out: 60.0
# run: raise_in_helper([1, 2, 3, 4, 5], 3) -> 3
# out: call 0
# out: call 1
# out: call 2
# after: [-1, 2, -3, 4, -5], 3
# run: raise_in_helper([1, 2, 3, 4, 5], 4) -> raises IndexError: index 6 is out of bounds for axis 0 with size 5 (line 55)
# out: call 0
# out: call 1
# out: call 2
# out: call 3
# after: [-1, 2, -3, 4, -5], 4
# run: negative_walk([1, 2, 3]) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 62)
# out: 3
# out: 2
# out: 1
# run: alloc_then_raise(3, 5) -> [0.0, 1.0, 2.0]
# run: alloc_then_raise(3, 1) -> raises IndexError: index 4 is out of bounds for axis 0 with size 3 (line 74)
# out: before 1.0
