"""Sieve of Eratosthenes counting the primes below n, with a bool array allocated inside."""
import numpy as np


def count_primes(n):
    if n < 3:
        return 0
    is_prime = np.ones(n, dtype=np.bool_)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i < n:
        if is_prime[i]:
            for j in range(i * i, n, i):
                is_prime[j] = False
        i += 1
    count = 0
    for k in range(n):
        if is_prime[k]:
            count += 1
    return count


def nth_prime(k):
    limit = 16
    while count_primes(limit) < k:
        limit *= 2
    flags = [True] * limit
    found = 0
    for p in range(2, limit):
        if flags[p]:
            found += 1
            if found == k:
                return p
            for q in range(p * p, limit, p):
                flags[q] = False
    return -1


# run: count_primes(0) -> 0
# run: count_primes(2) -> 0
# run: count_primes(3) -> 1
# run: count_primes(10) -> 4
# run: count_primes(100) -> 25
# run: count_primes(5000) -> 669
# run: nth_prime(1) -> 2
# run: nth_prime(100) -> 541
