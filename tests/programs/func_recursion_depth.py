"""Recursion deeper than the limit raises RecursionError in both CPython and pyjit; shallow recursion works."""


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def count_down(n, acc):
    if n <= 0:
        return acc
    return count_down(n - 1, acc + n)


def ping(n):
    if n == 0:
        return 0
    return pong(n - 1) + 1


def pong(n):
    if n == 0:
        return 0
    return ping(n - 1) + 1


def unbounded(x):
    if x < 0:
        return 0
    return unbounded(x + 1) + 1


# run: depth(0) -> 0
# run: depth(500) -> 500
# run: depth(20000) -> raises RecursionError: maximum recursion depth exceeded
# run: count_down(100, 0) -> 5050
# run: count_down(20000, 0) -> raises RecursionError: maximum recursion depth exceeded
# run: ping(300) -> 300
# run: ping(20001) -> raises RecursionError: maximum recursion depth exceeded
# run: unbounded(0) -> raises RecursionError: maximum recursion depth exceeded
# run: unbounded(-1) -> 0
# run (deviation 5): depth(5000) -> 5000
