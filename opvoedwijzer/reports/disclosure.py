from opvoedwijzer.core.disclosure import suppress_small_counts, suppression_pattern  # noqa: F401  (moved to core)
