"""Reading and writing 1-D array elements by computed indices, for float, int and bool arrays; int(x) truncates a float before an int store."""


def reverse_in_place(a):
    n = len(a)
    for i in range(n // 2):
        t = a[i]
        a[i] = a[n - 1 - i]
        a[n - 1 - i] = t
    return n


def gather(a, idx):
    s = 0
    for k in range(len(idx)):
        s = s * 10 + a[idx[k]]
    return s


def write_ints(a, v):
    a[0] = v
    a[1] = v * 2
    return a[0] + a[1]


def flip_bools(a):
    for i in range(len(a)):
        a[i] = not a[i]
    return a[0]


def store_truncated(a, x):
    a[0] = int(x)
    return a[0]


def store_int_in_float(a, n):
    a[0] = n
    a[1] = n // 2
    return a[0] + a[1]


# run: reverse_in_place([1.0, 2.0, 3.0, 4.0, 5.0]) -> 5
# after: [5.0, 4.0, 3.0, 2.0, 1.0]
# run: reverse_in_place([1, 2, 3, 4]) -> 4
# after: [4, 3, 2, 1]
# run: reverse_in_place([7.5]) -> 1
# run: reverse_in_place([]) -> 0
# run: gather([5, 6, 7, 8], [3, 0, 0, 2]) -> 8557
# run: gather([5, 6, 7, 8], [4]) -> raises IndexError: index 4 is out of bounds for axis 0 with size 4 (line 16)
# run: write_ints([0, 0, 0], 21) -> 63
# after: [21, 42, 0], 21
# run: write_ints([0.0, 0.0], 2.25) -> 6.75
# after: [2.25, 4.5], 2.25
# run: flip_bools([True, False, False]) -> False
# after: [False, True, True]
# run: store_truncated([1, 2], 3.9) -> 3
# after: [3, 2], 3.9
# run: store_truncated([1, 2], -3.9) -> -3
# after: [-3, 2], -3.9
# run: store_int_in_float([1.5, 2.5], 7) -> 10.0
# after: [7.0, 3.0], 7
# run: store_int_in_float([1.5, 2.5], -7) -> -11.0
# after: [-7.0, -4.0], -7
