"""Metric statements: quantities, what they measure, their period and kind, and canonical indicators."""
