"""Reads JSON lines {"id": …, "text": …} on stdin; writes {"id": …, "findings": [...]} per line."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.utils.module_loading import import_string

from opvoedwijzer.privacy.pii import _allowed_phones, find_pii


class Command(BaseCommand):
    help = "Find personal data in JSON lines on stdin; one JSON line of findings per input line."

    def handle(self, *args, **options):
        try:
            allowed = _allowed_phones(import_string(settings.PII_ALLOWED_PHONE_NUMBERS_FROM)())
        except DatabaseError:  # no database set up: the settings' numbers only
            allowed = _allowed_phones()
        out = sys.stdout
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item.get("text") or ""
                if not isinstance(text, str):
                    raise TypeError("text must be a string")
            except (ValueError, TypeError, AttributeError) as error:
                self.stderr.write(f"line {number}: {error}")
                out.write(json.dumps({"id": None, "error": str(error), "findings": []}) + "\n")
                continue
            findings = [f.as_dict() for f in find_pii(text, allowed_phones=allowed)]
            out.write(json.dumps({"id": item.get("id"), "findings": findings}, ensure_ascii=False) + "\n")
            out.flush()
