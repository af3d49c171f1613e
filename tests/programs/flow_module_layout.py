"""A script-shaped module: no-op @njit and @jit(...) decorators, docstrings in functions, and a __main__ block pyjit skips."""
import math


def njit(f):
    return f


@njit
def hypot_sum(a):
    """Sum of hypot(a[i], a[i + 1]) over neighbouring pairs."""
    s = 0.0
    for i in range(len(a) - 1):
        s += helper(a[i], a[i + 1])
    return s


@njit
def helper(x, y):
    """The length of (x, y).

    A multi-line docstring is a statement too, and is skipped.
    """
    return math.sqrt(x * x + y * y)


def jit(*args, **kwargs):
    def wrap(f):
        return f
    return wrap


@jit(nopython=True, cache=True)
def cubed(x):
    """Decorated with the call form of a no-op jit."""
    return x * x * x


def plain(n):
    "A single-quoted docstring."
    return n + 1


if __name__ == "__main__":
    print(hypot_sum([3.0, 4.0, 0.0]))
    print(plain(41))

# run: hypot_sum([3.0, 4.0, 0.0]) -> 9.0
# run: hypot_sum([1.0]) -> 0.0
# run: hypot_sum([]) -> 0.0
# run: helper(5.0, -12.0) -> 13.0
# run: helper(inf, nan) -> nan
# run: plain(41) -> 42
# run: cubed(-3) -> -27
# run: cubed(0.5) -> 0.125
