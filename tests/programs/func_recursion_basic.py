"""Recursive factorial, Fibonacci and power, with their base cases."""


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def power(x, n):
    if n == 0:
        return 1.0
    half = power(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x


def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)


# run: factorial(0) -> 1
# run: factorial(1) -> 1
# run: factorial(10) -> 3628800
# run: factorial(20) -> 2432902008176640000
# run: factorial(-3) -> 1
# run: fib(0) -> 0
# run: fib(1) -> 1
# run: fib(15) -> 610
# run: power(2.0, 10) -> 1024.0
# run: power(1.5, 0) -> 1.0
# run: power(-0.5, 7) -> -0.0078125
# run: power(10.0, 400) -> inf
# run: sum_to(100) -> 5050
