"""Synthetic case studies and the benchmarks that use them (never part of the site)."""
