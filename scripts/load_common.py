"""What the load test's processes share: the skewed popularity draw (no gevent here)."""

import bisect
import itertools


def zipf_order(items, rng):
    order = list(items)
    rng.shuffle(order)
    return order


def zipf_picker(items, rng, s=1.0):
    """Draw items with probability proportional to 1/rank^s over a shuffled order: a few pages
    get most of the traffic and the long tail is still visited, as real traffic is."""
    order = zipf_order(items, rng)
    cumulative = list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, len(order) + 1)))
    total = cumulative[-1]
    return order, lambda: order[bisect.bisect_left(cumulative, rng.random() * total)]
