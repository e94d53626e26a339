"""Benchmarks: they print figures and write bench-results/*.json; they assert nothing about time."""
