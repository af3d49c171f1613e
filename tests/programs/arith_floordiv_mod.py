"""Floor division and modulo of ints take the sign of the divisor."""


def divmod_pair(a, b):
    q = a // b
    r = a % b
    return q * 1000 + r


def check_identity(a, b):
    return (a // b) * b + a % b == a


# run: divmod_pair(7, 2) -> 3001
# run: divmod_pair(-7, 2) -> -3999
# run: divmod_pair(7, -2) -> -4001
# run: divmod_pair(-7, -2) -> 2999
# run: divmod_pair(7, 0) -> raises ZeroDivisionError: integer division or modulo by zero (line 5)
# run: check_identity(-17, 5) -> True
