"""Math functions given ints (int64 array elements and Python ints) compute on floats and return floats."""
import math


def many(n):
    print(math.sqrt(n), math.exp(n), math.log(n), math.log2(n), math.log10(n))
    print(math.sin(n), math.cos(n), math.atan(n), math.fabs(-n), math.degrees(n))
    print(math.pow(n, 2), math.hypot(n, n), math.copysign(n, -1), math.fmod(n, 3))
    return math.floor(n) + math.ceil(n) + math.trunc(n)


def sum_logs(a):
    s = 0.0
    for i in range(len(a)):
        s += math.log(a[i])
    return s


def bool_arg(b):
    return math.exp(b) + math.sqrt(b)


# run: many(4) -> 12
# out: 2.0 54.598150033144236 1.3862943611198906 2.0 0.6020599913279624
# out: -0.7568024953079282 -0.6536436208636119 1.3258176636680326 4.0 229.1831180523293
# out: 16.0 5.656854249492381 -4.0 1.0
# run: many(1) -> 3
# out: 1.0 2.718281828459045 0.0 0.0 0.0
# out: 0.8414709848078965 0.5403023058681398 0.7853981633974483 1.0 57.29577951308232
# out: 1.0 1.4142135623730951 -1.0 1.0
# run: many(-2) -> raises ValueError: math domain error (line 6)
# run: sum_logs([1, 2, 3, 4]) -> 3.1780538303479453
# run: sum_logs([3, 0, 5]) -> raises ValueError: math domain error (line 15)
# run: bool_arg(True) -> 3.718281828459045
# run: bool_arg(False) -> 1.0
