"""Answers over query rows: trace to goal, target tracking, year-over-year diff, entity reports."""
