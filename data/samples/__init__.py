"""The demo book and the benchmark books of sizes S, M and L.

May import ``domain``, ``book`` and ``storage``.
"""
