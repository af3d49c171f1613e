"""Single-precision a*x + y (BLAS saxpy), typed by a Numba-style signature."""


def saxpy(a, x, y, out, n):
    for i in range(n):
        out[i] = a * x[i] + y[i]


if __name__ == "__main__":
    import numpy as np

    x = np.linspace(0, 1, 5, dtype=np.float32)
    y = np.ones(5, dtype=np.float32)
    out = np.empty(5, dtype=np.float32)
    saxpy(np.float32(2.0), x, y, out, 5)
    print(out)
