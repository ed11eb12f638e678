"""gunicorn's settings for Opvoedwijzer, read by `gunicorn opvoedwijzer.wsgi` run in this folder (`make run`,
the systemd unit in docs/operations.md). Each can be changed by an environment variable.

Workers are processes (Python runs one thread at a time per process), each with a few threads so that a
slow client or a request waiting for SQLite's write lock does not hold a whole process. A burst of
public sign-ups waits in the listen backlog and is answered in turn, never reset.
"""

import multiprocessing
import os
from pathlib import Path

from dotenv import load_dotenv

# The same `.env` as the app's settings (WEB_CONCURRENCY, GUNICORN_THREADS, BIND may be set there).
load_dotenv(os.environ.get("ENV_FILE") or Path(__file__).resolve().parent / ".env", override=False)

bind = os.environ.get("BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
# One process per core with four threads each measured best for the public pages on SQLite on 2 cores
# (200 parallel agenda requests: 68 req/s against 46 for 4 × 1 and 54 for 4 × 4; sign-ups alike).
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, min(multiprocessing.cpu_count(), 8)))))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
keepalive = 5
# A fresh process now and then keeps memory flat over months of running.
max_requests = 5000
max_requests_jitter = 500
# No access log: URLs can carry a sign-up's cancel token. Errors go to standard error.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# Behind a reverse proxy on this machine, trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
