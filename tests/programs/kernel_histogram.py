"""Histogram of values in [0, 1) into equal bins with int64 counts; a value outside the range is an IndexError."""
import numpy as np


def histogram(x, counts, nbins):
    for b in range(nbins):
        counts[b] = 0
    for i in range(len(x)):
        b = int(x[i] * nbins)
        counts[b] += 1


def histogram_new(x, nbins):
    counts = np.zeros(nbins, dtype=np.int64)
    histogram(x, counts, nbins)
    return counts


def clamped_histogram(x, lo, hi, nbins):
    counts = [0] * nbins
    width = (hi - lo) / nbins
    for v in x:
        b = int((v - lo) / width)
        if b < 0:
            b = 0
        elif b >= nbins:
            b = nbins - 1
        counts[b] += 1
    return counts


# run: histogram_new([0.05, 0.15, 0.95, 0.5, 0.55, 0.0], 4) -> [3, 0, 2, 1]
# run: histogram_new([], 3) -> [0, 0, 0]
# run: histogram_new([0.5, 1.0], 2) -> raises IndexError: index 2 is out of bounds for axis 0 with size 2 (line 10)
# run: histogram_new([-0.6], 2) -> [0, 1]
# run: histogram([0.25, 0.75], [9, 9, 9], 3) -> None
# after: [0.25, 0.75], [1, 0, 1], 3
# run: clamped_histogram([-5.0, 0.0, 2.5, 9.99, 10.0, 42.0], 0.0, 10.0, 4) -> [2, 1, 0, 3]
