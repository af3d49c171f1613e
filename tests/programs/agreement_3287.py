"""Found by the agreement soak (seed 3287): value ranges took the phi of
`b or 1.0` for 1.0 alone, forgetting the parameter `b`, and dropped the
zero check of `10 / x2` when `b` is inf (1.0 / inf is 0.0)."""


def f(a, b, c, xs):
    x2 = (1.0 / (b or 1.0))
    x1 = (10 / x2)


# run: f(1, inf, False, [0.5]) -> raises ZeroDivisionError: float division by zero (line 8)
# run: f(1, 0.0, False, [0.5]) -> None
# run: f(1, 4.0, False, [0.5]) -> None
