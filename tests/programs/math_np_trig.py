"""np.sin, np.cos, np.tan, np.asin, np.acos, np.atan, np.atan2 on scalars: NaN where math raises."""
import numpy as np


def ntrig(x):
    print(np.sin(x), np.cos(x), np.tan(x))
    return np.sin(x) * np.cos(x)


def ninv(x):
    print(np.asin(x), np.acos(x), np.atan(x))
    return np.asin(x) + np.acos(x)


def nat2(y, x):
    return np.atan2(y, x)


# run: ntrig(0.5) -> 0.42073549240394825
# out: 0.479425538604203 0.8775825618903728 0.5463024898437905
# run: ntrig(-0.0) -> -0.0
# out: -0.0 1.0 -0.0
# run: ntrig(inf) -> nan
# out: nan nan nan
# run: ntrig(nan) -> nan
# out: nan nan nan
# run: ntrig(1) -> 0.4546487134128409
# out: 0.8414709848078965 0.5403023058681398 1.5574077246549023
# run: ninv(0.1) -> 1.5707963267948966
# out: 0.1001674211615598 1.4706289056333368 0.09966865249116204
# run: ninv(2.0) -> nan
# out: nan nan 1.1071487177940904
# run: ninv(-1.0) -> 1.5707963267948966
# out: -1.5707963267948966 3.141592653589793 -0.7853981633974483
# run: ninv(-0.0) -> 1.5707963267948966
# out: -0.0 1.5707963267948966 -0.0
# run: ninv(inf) -> nan
# out: nan nan 1.5707963267948966
# run: nat2(1.0, -1.0) -> 2.356194490192345
# run: nat2(-0.0, -0.0) -> -3.141592653589793
# run: nat2(0.0, 0.0) -> 0.0
# run: nat2(inf, -inf) -> 2.356194490192345
# run: nat2(1, 2) -> 0.4636476090008061
