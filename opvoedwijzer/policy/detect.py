"""Signals the system proposes: a theme (or theme group) rising in a municipality against its own past.

Method (also in docs/signals.md). For every municipality m and theme t, compare the last 13 weeks
(the recent window) with the 52 weeks before them (the baseline):

    x_r, x_b = contacts about t in m in the recent window and in the baseline
    n_r, n_b = all contacts in m in those windows

Under "no change" the share of t among m's contacts is the same in both windows; given the
x_r + x_b contacts about t, x_r then follows a binomial distribution with probability
n_r / (n_r + n_b). The one-sided p-value is P(X ≥ x_r): the exact conditional test for two Poisson
rates, with the municipality's own volume as exposure, so a busier quarter alone raises nothing.

Many pairs are tested at once (municipalities × themes, and × theme groups), so p-values are turned
into Benjamini–Hochberg q-values and a pair is proposed only when q ≤ 0.05 (at most 5 % of the
proposals are expected to be false alarms), the recent count is at least 5 and the share grew by at
least half. A pair needs a baseline with contacts in the municipality; it is not tested otherwise.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from opvoedwijzer.contacts.models import Contact

RECENT_DAYS = 91
BASELINE_DAYS = 364
FALSE_DISCOVERY_RATE = 0.05
MIN_RECENT = 5
MIN_RATIO = 1.5


@dataclass
class Rising:
    municipality: str  # NIS code
    dimension: str  # "theme" or "theme_group"
    code: str
    recent: int
    baseline: int
    recent_total: int
    baseline_total: int
    ratio: float
    p: float
    q: float = 1.0

    def as_statistics(self, windows):
        return {
            "dimension": self.dimension,
            "recent": self.recent,
            "baseline": self.baseline,
            "recent_total": self.recent_total,
            "baseline_total": self.baseline_total,
            "ratio": round(self.ratio, 2),
            "p": float(f"{self.p:.3g}"),
            "q": float(f"{self.q:.3g}"),
            **windows,
        }


def binomial_upper_tail(k, n, p):
    """P(X ≥ k) for X ~ Binomial(n, p), summed in log space (exact, no SciPy)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    terms = [
        math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
        for i in range(k, n + 1)
    ]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


def benjamini_hochberg(p_values):
    """q-values in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    q = [1.0] * m
    running = 1.0
    for rank, i in reversed(list(enumerate(order, start=1))):
        running = min(running, p_values[i] * m / rank)
        q[i] = running
    return q


def windows(today):
    recent_start = today - datetime.timedelta(days=RECENT_DAYS - 1)
    baseline_end = recent_start - datetime.timedelta(days=1)
    baseline_start = baseline_end - datetime.timedelta(days=BASELINE_DAYS - 1)
    return (recent_start, today), (baseline_start, baseline_end)


def _counts(org, start, end, path):
    qs = Contact.objects.for_org(org).in_period(start, end).filter(municipality__isnull=False)
    totals = dict(qs.values_list("municipality__code").annotate(n=Count("id")).order_by())
    by_value = {
        (m, v): n
        for m, v, n in qs.values_list("municipality__code", path)
        .annotate(n=Count("id", distinct=True))
        .order_by()
        if v is not None
    }
    return totals, by_value


def rising(org, today=None):
    """Every (municipality, theme or theme group) that rose, with its test figures."""
    today = today or timezone.localdate()
    (recent_start, recent_end), (base_start, base_end) = windows(today)
    candidates = []
    for dimension, path in (
        ("theme", "contact_themes__theme__code"),
        ("theme_group", "contact_themes__theme__group__code"),
    ):
        recent_totals, recent = _counts(org, recent_start, recent_end, path)
        base_totals, base = _counts(org, base_start, base_end, path)
        for (municipality, code), x_r in recent.items():
            n_r, n_b = recent_totals[municipality], base_totals.get(municipality, 0)
            if n_b == 0:
                continue  # no past to compare with
            x_b = base.get((municipality, code), 0)
            p = binomial_upper_tail(x_r, x_r + x_b, n_r / (n_r + n_b))
            ratio = (x_r / n_r) / ((x_b + 0.5) / n_b)  # +0.5: a theme new since the baseline is not infinite
            candidates.append(Rising(municipality, dimension, code, x_r, x_b, n_r, n_b, ratio, p))
        for (municipality, code), x_b in base.items():
            if (municipality, code) not in recent and municipality in recent_totals:
                # Tested too (it cannot have risen): counting it keeps the false-alarm control honest.
                n_r, n_b = recent_totals[municipality], base_totals[municipality]
                candidates.append(Rising(municipality, dimension, code, 0, x_b, n_r, n_b, 0.0, 1.0))
    for candidate, q in zip(candidates, benjamini_hochberg([c.p for c in candidates]), strict=True):
        candidate.q = q
    found = [
        c
        for c in candidates
        if c.q <= FALSE_DISCOVERY_RATE and c.recent >= MIN_RECENT and c.ratio >= MIN_RATIO
    ]
    return sorted(found, key=lambda c: c.q)
