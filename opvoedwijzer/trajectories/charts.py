"""The goals' scores as a small chart drawn on the server (an SVG in the page, no JavaScript): a line per
goal over the dates it was scored, on the 0–10 scale. The page shows the same numbers as a table."""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 28, 12, 10, 24
# Colour-blind safe (Okabe–Ito), with a dash pattern each so the lines differ without colour too.
STYLES = [
    ("#0072b2", ""),
    ("#d55e00", "6 3"),
    ("#009e73", "2 3"),
    ("#cc79a7", "8 3 2 3"),
    ("#e69f00", "4 4"),
    ("#56b4e9", "1 2"),
]


@dataclass
class Line:
    number: int
    colour: str
    dash: str
    points: str
    dots: list = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    lines: list
    grid: list  # (y, label) for 0, 5, 10
    dates: list  # (x, label) for the first and the last date
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT


def _y(score):
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (10 - score) / 10, 1)


def _moment(score, is_first):
    """When a score was given, in order: the start scores of a day, then its sessions, then the scores
    given at closure (several sessions on one day are each a moment of their own)."""
    if score.session_id:
        return (score.date, 1, score.session_id)
    return (score.date, 0, 0) if is_first else (score.date, 2, 0)


def _scored(goals):
    """[(goal, [(moment, score)])] and the moments in order."""
    per_goal = []
    for goal in goals:
        scores = list(goal.scores.all())
        per_goal.append((goal, [(_moment(s, i == 0), s.score) for i, s in enumerate(scores)]))
    moments = sorted({m for _goal, scores in per_goal for m, _score in scores})
    return per_goal, moments


def goal_chart(goals):
    """The chart of `goals` (their `scores` prefetched, in date order); None when nothing is scored."""
    per_goal, moments = _scored(goals)
    if not moments:
        return None
    span = WIDTH - LEFT - RIGHT
    many = len(moments) > 1
    x_of = {
        m: round(LEFT + (i * span / (len(moments) - 1) if many else span / 2), 1)
        for i, m in enumerate(moments)
    }
    lines = []
    for number, (_goal, scores) in enumerate(per_goal, start=1):
        if not scores:
            continue
        colour, dash = STYLES[(number - 1) % len(STYLES)]
        dots = [(x_of[m], _y(score)) for m, score in scores]
        points = " ".join(f"{x},{y}" for x, y in dots)
        lines.append(Line(number=number, colour=colour, dash=dash, points=points, dots=dots))
    grid = [(_y(score), score) for score in (0, 5, 10)]
    labels = [(x_of[moments[0]], moments[0][0].strftime("%d-%m"))]
    if many:
        labels.append((x_of[moments[-1]], moments[-1][0].strftime("%d-%m")))
    return Chart(width=WIDTH, height=HEIGHT, lines=lines, grid=grid, dates=labels)


def score_table(goals):
    """The same numbers for a table: (the dates of the moments, [{number, goal, scores (one per moment,
    None where not scored), cells ((score, the counsellor's estimate?) per moment, None where not
    scored), first, last, change}])."""
    per_goal, moments = _scored(goals)
    rows = []
    for number, (goal, scores) in enumerate(per_goal, start=1):
        by_moment = dict(scores)
        estimates = {_moment(s, i == 0): not s.by_parent for i, s in enumerate(goal.scores.all())}
        first = scores[0][1] if scores else None
        last = scores[-1][1] if scores else None
        rows.append(
            {
                "number": number,
                "goal": goal,
                "scores": [by_moment.get(m) for m in moments],
                "cells": [(by_moment[m], estimates[m]) if m in by_moment else None for m in moments],
                "first": first,
                "last": last,
                "change": last - first if scores else None,
            }
        )
    return [m[0] for m in moments], rows


def has_estimates(rows):
    """Whether any score of `score_table`'s rows is the counsellor's estimate (then the table's legend
    explains the *)."""
    return any(cell and cell[1] for row in rows for cell in row["cells"])
