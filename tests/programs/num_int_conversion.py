"""int() of floats truncates toward zero; int(nan) raises ValueError and int(inf) OverflowError."""


def to_int(x):
    return int(x)


def digits(x):
    n = int(x)
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


# run: to_int(2.9) -> 2
# run: to_int(-2.9) -> -2
# run: to_int(-0.5) -> 0
# run: to_int(-0.0) -> 0
# run: to_int(1e18) -> 1000000000000000000
# run: to_int(-9.223372036854776e18) -> -9223372036854775808
# run: to_int(4503599627370497.5) -> 4503599627370498
# run: to_int(5e-324) -> 0
# run: to_int(7) -> 7
# run: to_int(True) -> 1
# run: to_int(nan) -> raises ValueError: cannot convert float NaN to integer (line 5)
# run: to_int(inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: to_int(-inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: digits(12345.99) -> 15
# run: digits(0.5) -> 0
# run: digits(nan) -> raises ValueError: cannot convert float NaN to integer (line 9)
