"""Escape-time Mandelbrot: the number of iterations over a width x height grid.

Runs as plain Python (`python3 examples/mandelbrot.py`) and is the example
the README compiles with pyjit.
"""


def escape_time(x0, y0, max_iter):
    """Iterations of z = z**2 + c before |z| > 2, for c = x0 + i*y0."""
    x = 0.0
    y = 0.0
    it = 0
    while it < max_iter and x * x + y * y <= 4.0:
        x, y = x * x - y * y + x0, 2.0 * x * y + y0
        it += 1
    return it


def mandelbrot(width, height, max_iter):
    """Total iterations over the grid [-2, 1] x [-1.5, 1.5]."""
    total = 0
    for py in range(height):
        y0 = -1.5 + 3.0 * py / height
        for px in range(width):
            x0 = -2.0 + 3.0 * px / width
            total += escape_time(x0, y0, max_iter)
    return total


if __name__ == "__main__":
    print(mandelbrot(200, 150, 100))
