"""The local engines the portal needs on this machine, in one home: one module per engine (start, stop,
health), and `stack.local_stack`, the one list of them that `make dev`, the tests and the benchmarks start.
"""
