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


def goal_chart(goals):
    """The chart of `goals` (their `scores` prefetched, in date order); None when nothing is scored."""
    dates = sorted({s.date for goal in goals for s in goal.scores.all()})
    if not dates:
        return None
    span = WIDTH - LEFT - RIGHT
    step = span / (len(dates) - 1) if len(dates) > 1 else 0
    x_of = {day: round(LEFT + (i * step if len(dates) > 1 else span / 2), 1) for i, day in enumerate(dates)}
    lines = []
    for number, goal in enumerate(goals, start=1):
        scores = list(goal.scores.all())
        if not scores:
            continue
        colour, dash = STYLES[(number - 1) % len(STYLES)]
        dots = [(x_of[s.date], _y(s.score)) for s in scores]
        lines.append(
            Line(
                number=number,
                colour=colour,
                dash=dash,
                points=" ".join(f"{x},{y}" for x, y in dots),
                dots=dots,
            )
        )
    grid = [(_y(score), score) for score in (0, 5, 10)]
    labels = [(x_of[dates[0]], dates[0].strftime("%d-%m"))]
    if len(dates) > 1:
        labels.append((x_of[dates[-1]], dates[-1].strftime("%d-%m")))
    return Chart(width=WIDTH, height=HEIGHT, lines=lines, grid=grid, dates=labels)


def score_table(goals):
    """The same numbers as rows for a table: (dates, [(number, goal, [score or None per date], change)])."""
    dates = sorted({s.date for goal in goals for s in goal.scores.all()})
    rows = []
    for number, goal in enumerate(goals, start=1):
        scores = list(goal.scores.all())
        by_date = {s.date: s.score for s in scores}  # the last score of a day counts
        change = scores[-1].score - scores[0].score if scores else None
        first = scores[0].score if scores else None
        last = scores[-1].score if scores else None
        rows.append(
            {
                "number": number,
                "goal": goal,
                "scores": [by_date.get(day) for day in dates],
                "first": first,
                "last": last,
                "change": change,
            }
        )
    return dates, rows
