"""Out-of-range indices (too large or too negative) raise NumPy's IndexError, for reads, writes and 2-D axes."""


def read(a, i):
    return a[i]


def write(a, i, v):
    a[i] = v
    return v


def augment(a, i):
    a[i] += 1
    return a[i]


def read2(m, i, j):
    return m[i, j]


def read2_chained(m, i, j):
    return m[i][j]


def write_loop(a, n):
    for i in range(n):
        a[i] = i
    return n


# run: read([1.0, 2.0, 3.0], 2) -> 3.0
# run: read([1.0, 2.0, 3.0], 3) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 5)
# run: read([1.0, 2.0, 3.0], -3) -> 1.0
# run: read([1.0, 2.0, 3.0], -4) -> raises IndexError: index -4 is out of bounds for axis 0 with size 3 (line 5)
# run: read([1, 2, 3], 9223372036854775807) -> raises IndexError: index 9223372036854775807 is out of bounds for axis 0 with size 3 (line 5)
# run: read([1, 2, 3], -9223372036854775807) -> raises IndexError: index -9223372036854775807 is out of bounds for axis 0 with size 3 (line 5)
# run: read([], 0) -> raises IndexError: index 0 is out of bounds for axis 0 with size 0 (line 5)
# run: read([], -1) -> raises IndexError: index -1 is out of bounds for axis 0 with size 0 (line 5)
# run: write([1, 2, 3], 5, 9) -> raises IndexError: index 5 is out of bounds for axis 0 with size 3 (line 9)
# run: write([1, 2, 3], -5, 9) -> raises IndexError: index -5 is out of bounds for axis 0 with size 3 (line 9)
# run: augment([1, 2, 3], 3) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 14)
# run: augment([1, 2, 3], -1) -> 4
# after: [1, 2, 4], -1
# run: read2([[1, 2], [3, 4]], 1, 1) -> 4
# run: read2([[1, 2], [3, 4]], 2, 0) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 19)
# run: read2([[1, 2], [3, 4]], 0, 2) -> raises IndexError: index 2 is out of bounds for axis 1 with size 2 (line 19)
# run: read2([[1, 2], [3, 4]], -3, 0) -> raises IndexError: index -3 is out of bounds for axis 0 with size 2 (line 19)
# run: read2([[1, 2], [3, 4]], 0, -3) -> raises IndexError: index -3 is out of bounds for axis 1 with size 2 (line 19)
# run: read2_chained([[1, 2], [3, 4]], 0, 2) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 23)
# run: read2_chained([[1, 2], [3, 4]], 2, 0) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 23)
# run: write_loop([0, 0, 0], 3) -> 3
# after: [0, 1, 2], 3
# run: write_loop([0, 0, 0], 4) -> raises IndexError: index 3 is out of bounds for axis 0 with size 3 (line 28)
# after: [0, 1, 2], 4
