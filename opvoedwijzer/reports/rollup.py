"""Moved to opvoedwijzer.contacts.rollup (issue 16); kept for the demo seeding and the benchmarks."""

from opvoedwijzer.contacts.rollup import *  # noqa: F403
