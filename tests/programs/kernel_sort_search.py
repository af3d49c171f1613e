"""Bubble sort in place with an early exit, then binary search over the sorted array."""


def bubble_sort(a):
    n = len(a)
    swaps = 0
    for i in range(n - 1):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
                swaps += 1
        if not swapped:
            break
    return swaps


def binary_search(a, x):
    lo = 0
    hi = len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)


def sort_then_find(a, x):
    bubble_sort(a)
    return binary_search(a, x)


# run: bubble_sort([5, 1, 4, 2, 8]) -> 4
# after: [1, 2, 4, 5, 8]
# run: bubble_sort([1.0, 2.0, 3.0]) -> 0
# run: bubble_sort([3.0, -0.5, 3.0, -7.25]) -> 4
# after: [-7.25, -0.5, 3.0, 3.0]
# run: bubble_sort([]) -> 0
# run: bubble_sort([True, False, True]) -> 1
# after: [False, True, True]
# run: binary_search([1, 3, 5, 7, 9, 11], 7) -> 3
# run: binary_search([1, 3, 5, 7, 9, 11], 1) -> 0
# run: binary_search([1, 3, 5, 7, 9, 11], 4) -> -3
# run: binary_search([1, 3, 5, 7, 9, 11], 12) -> -7
# run: binary_search([], 3.0) -> -1
# run: sort_then_find([9.5, 2.0, 7.0, -1.0], 7.0) -> 2
# after: [-1.0, 2.0, 7.0, 9.5], 7.0
