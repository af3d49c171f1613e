"""`and`/`or` of an int and a float give the joined float type in pyjit (deviation 2) when the int is returned."""


def int_or_float(a, b):
    return a or b


def int_and_float(a, b):
    return a and b


# run: int_or_float(0, 2.5) -> 2.5
# run: int_or_float(0, -0.0) -> -0.0
# run: int_and_float(3, 2.5) -> 2.5
# run: int_and_float(3, 0.0) -> 0.0
# run (deviation 2): int_or_float(3, 2.5) -> 3.0
# run (deviation 2): int_or_float(-7, 0.0) -> -7.0
# run (deviation 2): int_and_float(0, 2.5) -> 0.0
