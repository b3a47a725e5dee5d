"""Cross-article steps: stories, entity resolution, claim groups, timeline, comparison.

They work on candidate blocks found by indexes, never on all pairs.
"""
