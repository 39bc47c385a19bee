"""Spelling variants for cheap fuzzy matching: every string one deletion away, and the distance.

A misspelling one edit away (a letter missing, extra, wrong or two swapped) from a name shares at
least one deletion variant with it, so both sides' variants can be indexed and looked up exactly
instead of comparing a word with every name (symmetric-delete matching).
"""

from __future__ import annotations


def deletions(word: str) -> set[str]:
    """The word itself and every string made by deleting one character."""
    out = {word}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
    return out


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of neighbours counts one); limit+1 when over."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
