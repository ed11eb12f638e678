"""One request at a time in the live server of the browser tests.

The test database is SQLite in memory, and the live server's request threads share the test's one
connection to it (that is how they see each other's data). Two requests at once — a page that
submits while htmx's debounced check of a field is still on its way — then use one connection from
two threads, which fails at random ("list index out of range" in a query). Taking requests one after
the other is what a real server with its own connection per thread does safely.
"""

import threading

_lock = threading.Lock()


class SerialRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with _lock:
            return self.get_response(request)
