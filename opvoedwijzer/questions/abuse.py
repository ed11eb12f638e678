"""The public question form and API's protection against abuse: see core/ratelimit.py (shared by every
public form and endpoint)."""

from opvoedwijzer.core.ratelimit import HONEYPOT, over_limit

__all__ = ["HONEYPOT", "over_limit"]
