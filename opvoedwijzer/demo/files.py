"""The demo's data files (`opvoedwijzer/demo/data/`, installed with the package)."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_json(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def read_text(name):
    return (DATA / name).read_text(encoding="utf-8")
