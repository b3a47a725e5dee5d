"""Per-article stages (parse, mentions, quotes, times, claims) and cross-article steps."""
