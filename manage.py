#!/usr/bin/env python3
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opvoedwijzer.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError:
        # Run with a Python outside the project's virtual environment (`python manage.py …` right after
        # `make run`, without activating .venv): hand over to the one `make run` made.
        venv_python = Path(__file__).resolve().parent / ".venv" / "bin" / "python"
        if venv_python.exists() and Path(sys.prefix).resolve() != venv_python.parent.parent.resolve():
            os.execv(venv_python, [str(venv_python), *sys.argv])
        raise SystemExit("Django is not installed here: run `make run` (or activate .venv) first.") from None
    execute_from_command_line(sys.argv)
