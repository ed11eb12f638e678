"""`manage.py taskrunner`: django-dbtasks' runner, made to survive what happens to a real service.

- SIGTERM (systemd, `make run`'s Ctrl+C, a `kill`) stops it like Ctrl+C does, so it removes its worker
  row; a restart right after finds no "duplicate worker".
- A worker row left by a runner that was killed hard (SIGKILL, power cut) blocks a new runner of the
  same name until it is older than the backend's worker timeout (60 s): the new runner waits for it,
  saying so, instead of stopping with a traceback.
- A database that does not answer (at start or later) is retried with a growing pause, up to a minute,
  until it answers again.
"""

import signal
import time

from dbtasks.management.commands.taskrunner import Command as DbTasksCommand
from dbtasks.runner import DuplicateWorker, Runner
from django.db import DatabaseError, connection

MAX_PAUSE = 60.0


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


class Command(DbTasksCommand):
    help = "Runs the background tasks (purge, reminders, reports); restarts cleanly and retries."

    def handle(self, *args, **options):
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        pause = 1.0
        while True:
            runner = Runner(
                workers=options["workers"],
                worker_id=options["worker_id"],
                backend=options["backend"],
                loop_delay=options["delay"],
                init_periodic=options["periodic"],
            )
            try:
                runner.run()
                return
            except KeyboardInterrupt:
                return
            except DuplicateWorker:
                self.stderr.write(
                    f"A task runner named {options['worker_id']!r} was seen less than a minute ago; "
                    f"waiting {pause:.0f} s for it to stop (or for its row to expire)."
                )
            except DatabaseError as exc:
                self.stderr.write(
                    f"The database does not answer ({exc.__class__.__name__}); retrying in {pause:.0f} s."
                )
                connection.close()
            try:
                time.sleep(pause)
            except KeyboardInterrupt:
                return
            pause = min(pause * 2, MAX_PAUSE)
