"""`manage.py build_suggestion_weights`: build the shipped built-in model from the shipped corpus.

Reads opvoedwijzer/suggestions/data/examples.jsonl and writes data/builtin_weights.json (deterministic:
the same corpus gives the same file). Run it after changing the corpus, and commit both files.
"""

from django.core.management.base import BaseCommand

from opvoedwijzer.suggestions import builtin


class Command(BaseCommand):
    help = "Build the suggestions' built-in model (data/builtin_weights.json) from the shipped examples."

    def add_arguments(self, parser):
        parser.add_argument("--examples", default=str(builtin.EXAMPLES_FILE), help="the corpus (JSON lines)")
        parser.add_argument("--output", default=str(builtin.WEIGHTS_FILE), help="the file to write")

    def handle(self, *args, examples, output, **options):
        model = builtin.write(output, examples)
        for language, part in sorted(model["languages"].items()):
            self.stdout.write(f"{language}: {part['examples']} examples, {len(part['stems'])} stems")
        self.stdout.write(f"Wrote {output}")
