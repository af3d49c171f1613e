"""Element-wise sum of two vectors into a third: the seed's anchor kernel."""


def vector_add(a, b, out, n):
    for i in range(n):
        out[i] = a[i] + b[i]


if __name__ == "__main__":
    import numpy as np

    n = 100_000
    a = np.arange(n, dtype=np.float32)
    b = np.full(n, 0.5, dtype=np.float32)
    out = np.empty(n, dtype=np.float32)
    vector_add(a, b, out, n)
    print(out[:3], out[-1])
