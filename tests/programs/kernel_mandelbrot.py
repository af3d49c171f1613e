"""Mandelbrot escape counts on a tiny grid, written into a 2-D int array."""
import numpy as np


def escape(cr, ci, max_iter):
    zr = 0.0
    zi = 0.0
    for k in range(max_iter):
        if zr * zr + zi * zi > 4.0:
            return k
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    return max_iter


def mandel(w, h, max_iter):
    out = np.zeros((h, w), dtype=np.int64)
    for y in range(h):
        for x in range(w):
            cr = -2.0 + 2.5 * x / w
            ci = -1.0 + 2.0 * y / h
            out[y, x] = escape(cr, ci, max_iter)
    return out


def inside_count(w, h, max_iter):
    m = mandel(w, h, max_iter)
    c = 0
    for y in range(h):
        for x in range(w):
            if m[y, x] == max_iter:
                c += 1
    return c


# run: escape(0.0, 0.0, 50) -> 50
# run: escape(1.0, 1.0, 50) -> 2
# run: escape(-0.75, 0.1, 100) -> 33
# run: escape(nan, 0.0, 10) -> 10
# run: mandel(6, 4, 20) -> [[1, 2, 3, 3, 5, 4], [1, 3, 5, 6, 20, 20], [20, 20, 20, 20, 20, 20], [1, 3, 5, 6, 20, 20]]
# run: inside_count(30, 20, 50) -> 193
