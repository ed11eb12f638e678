"""The msgids a parent can see, and which of them a public language's catalogue does not translate yet.

What counts as public (docs: the spec of issue 19, "Which strings are public"):
- the templates that extend `public_base.html` (transitively), the templates they include (transitively),
  the form templates under `templates/forms/`, and the messages to parents (`questions/email/`,
  `library/email/`, `activities/messages/`);
- the `public.py` modules (the public views);
- the public form classes below: the gettext calls in their class bodies and in the bodies of their own
  base classes (the PII guard's messages), found with `ast`, plus what their fields show at run time
  (labels, help texts, choices, error messages, also those a ModelForm takes from its model).
Strings that Django's own catalogue translates ("This field is required.") count as translated.

For translators and the lead: `python -m tests.i18n.public_msgids fr` prints the public msgids the French
catalogue misses (empty or fuzzy) as .po entries; `--all` prints every public msgid.
"""

import ast
import gettext as gettext_module
import inspect
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "opvoedwijzer" / "templates"
LOCALE = ROOT / "opvoedwijzer" / "locale"
PARENT_LANGUAGES = ["fr", "ar", "tr", "pl"]
MAIL_FOLDERS = ("questions/email/", "library/email/", "activities/messages/")
PUBLIC_FORMS = {
    "opvoedwijzer.activities.forms": ["AgendaFilterForm", "EvaluationForm", "SignUpForm"],
    "opvoedwijzer.library.forms": ["LibrarySearchForm", "ReserveForm"],
    "opvoedwijzer.questions.forms": ["AskForm", "PickUpForm", "ReplyForm"],
    "opvoedwijzer.socialmap.forms": ["SearchForm"],
}
KEYWORDS = [
    "_",
    "gettext",
    "gettext_lazy",
    "_lazy",
    "ngettext:1,2",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "pgettext_lazy:1c,2",
    "npgettext:1c,2,3",
    "npgettext_lazy:1c,2,3",
]
EXTENDS = re.compile(r"{%\s*extends\s+[\"']([^\"']+)[\"']")
INCLUDES = re.compile(r"{%\s*include\s+[\"']([^\"']+)[\"']")


@dataclass(frozen=True)
class Msg:
    msgid: str
    context: str = ""
    plural: str = ""

    def as_po(self, msgstr=""):
        lines = [f"msgctxt {_quote(self.context)}"] if self.context else []
        lines.append(f"msgid {_quote(self.msgid)}")
        if self.plural:
            lines.append(f"msgid_plural {_quote(self.plural)}")
            lines += [f"msgstr[0] {_quote(msgstr)}", 'msgstr[1] ""']
        else:
            lines.append(f"msgstr {_quote(msgstr)}")
        return "\n".join(lines) + "\n"


def _quote(text):
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    )


# -- which sources are public -------------------------------------------------------------------------


def _all_templates():
    return {
        str(p.relative_to(TEMPLATES)): p.read_text()
        for pattern in ("*.html", "*.txt")
        for p in TEMPLATES.rglob(pattern)
    }


def public_templates():
    """Template names (relative to templates/) whose strings a parent sees."""
    templates = _all_templates()
    public = {"public_base.html"}
    changed = True
    while changed:
        changed = False
        for name, text in templates.items():
            if name not in public and any(parent in public for parent in EXTENDS.findall(text)):
                public.add(name)
                changed = True
        for name in list(public):
            for included in INCLUDES.findall(templates.get(name, "")):
                if included in templates and included not in public:
                    public.add(included)
                    changed = True
    public |= {n for n in templates if n.startswith("forms/") or n.startswith(MAIL_FOLDERS)}
    return sorted(public)


def public_form_classes():
    import importlib

    for module_name, names in PUBLIC_FORMS.items():
        module = importlib.import_module(module_name)
        for name in names:
            yield getattr(module, name)


def _class_sources(cls):
    """The source of the class and of its own (opvoedwijzer) base classes, each dedented."""
    for klass in cls.__mro__:
        if klass.__module__.startswith("opvoedwijzer."):
            yield f"{klass.__module__}.{klass.__qualname__}", textwrap.dedent(inspect.getsource(klass))


def _python_sources():
    """(name, text) of every Python source whose gettext calls are public."""
    # the public views, and the note on a page part of which is not translated yet
    views = [*sorted(ROOT.glob("opvoedwijzer/*/public.py")), ROOT / "opvoedwijzer" / "core" / "language.py"]
    sources = [(str(p.relative_to(ROOT)), p.read_text()) for p in views]
    seen = set()
    for form in public_form_classes():
        for name, text in _class_sources(form):
            if name not in seen:
                seen.add(name)
                ast.parse(text)  # a class body that does not parse on its own would be silently lost
                sources.append((name, text))
    return sources


def _runtime_form_strings():
    """What the public forms' fields show, as lazy strings (labels, help texts, choices, error messages)."""
    from django.utils.functional import Promise

    found = set()

    def add(value):
        if isinstance(value, Promise):
            args = getattr(value, "_args", ())
            if len(args) == 1 and isinstance(args[0], str):
                found.add(Msg(args[0]))
            elif len(args) == 2 and all(isinstance(a, str) for a in args):
                found.add(Msg(args[1], context=args[0]))

    for form in public_form_classes():
        for field in form.base_fields.values():
            add(field.label)
            add(field.help_text)
            for message in getattr(field, "error_messages", {}).values():
                add(message)
            choices = getattr(field, "choices", None)
            if choices is not None and not hasattr(choices, "queryset"):
                for _value, label in choices:
                    if isinstance(label, (list, tuple)):
                        for _v, sub in label:
                            add(sub)
                    else:
                        add(label)
            for value in getattr(field.widget, "attrs", {}).values():
                add(value)
    return found


def _xgettext(files):
    with tempfile.NamedTemporaryFile(suffix=".pot") as pot:
        subprocess.run(
            [
                "xgettext",
                "-L",
                "Python",
                "--from-code=UTF-8",
                "--no-wrap",
                *[f"--keyword={k}" for k in KEYWORDS],
                "-o",
                pot.name,
                *files,
            ],
            check=True,
            capture_output=True,
        )
        return {entry.msg for entry in parse_po(Path(pot.name).read_text()) if entry.msg.msgid}


@cache
def public_msgids():
    """Every public msgid (a frozenset of Msg)."""
    from django.utils.translation.template import templatize

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i, name in enumerate(public_templates()):
            path = Path(folder) / f"t{i}.py"
            path.write_text(templatize((TEMPLATES / name).read_text(), origin=str(TEMPLATES / name)))
            files.append(str(path))
        for i, (_name, text) in enumerate(_python_sources()):
            path = Path(folder) / f"p{i}.py"
            path.write_text(text)
            files.append(str(path))
        found = _xgettext(files)
    return frozenset(found | _runtime_form_strings())


# -- the catalogues -----------------------------------------------------------------------------------


@dataclass
class Entry:
    msg: Msg
    msgstrs: list
    fuzzy: bool

    @property
    def translated(self):
        return not self.fuzzy and bool(self.msgstrs) and all(s.strip() for s in self.msgstrs)


_PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(text):
    return "".join(
        bytes(part, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        for part in _PO_STRING.findall(text)
    )


def parse_po(text):
    """The entries of a .po file (obsolete `#~` entries left out)."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not lines:
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)", line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif current and line.startswith('"'):
                fields[current] += line
        if "msgid" not in fields:
            continue
        msg = Msg(
            _unquote(fields["msgid"]),
            context=_unquote(fields.get("msgctxt", "")),
            plural=_unquote(fields.get("msgid_plural", "")),
        )
        msgstrs = [_unquote(v) for k, v in sorted(fields.items()) if k.startswith("msgstr")]
        entries.append(Entry(msg, msgstrs, fuzzy))
    return entries


def catalogue(language):
    """{Msg: Entry} of our catalogue for `language`."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    return {e.msg: e for e in parse_po(path.read_text())} if path.exists() else {}


@cache
def django_translates(language):
    """The msgids Django's own catalogues (core and the installed contrib apps) translate."""
    import django

    found = set()
    folder = Path(django.__file__).parent
    own = folder / "conf" / "locale" / language / "LC_MESSAGES" / "django.mo"
    for mo in [own, *(folder / "contrib").glob(f"*/locale/{language}/LC_MESSAGES/django.mo")]:
        if mo.exists():
            with mo.open("rb") as f:
                keys = gettext_module.GNUTranslations(f)._catalog.keys()
            found |= {k if isinstance(k, str) else k[0] for k in keys}
    return found


def _key(msg):
    return f"{msg.context}\x04{msg.msgid}" if msg.context else msg.msgid


def missing(language):
    """The public msgids without a (non-empty, non-fuzzy) translation in `language`, sorted."""
    ours = catalogue(language)
    theirs = django_translates(language)
    gaps = []
    for msg in public_msgids():
        entry = ours.get(msg) or ours.get(Msg(msg.msgid, msg.context))
        if entry is not None and entry.translated:
            continue
        if _key(msg) in theirs:
            continue
        gaps.append(msg)
    return sorted(gaps, key=lambda m: (m.msgid.lower(), m.context))


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opvoedwijzer.settings")
    os.environ.setdefault("TESTING", "true")
    import django

    django.setup()
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    if argv[0] == "--all":
        for msg in sorted(public_msgids(), key=lambda m: (m.msgid.lower(), m.context)):
            print(msg.as_po())
        return 0
    for language in argv:
        gaps = missing(language)
        print(f"# {language}: {len(gaps)} of {len(public_msgids())} public msgids not translated\n")
        dutch = catalogue("nl")
        for msg in gaps:
            entry = dutch.get(msg)
            if entry is not None and entry.translated:
                print(f"#. nl: {entry.msgstrs[0]}".replace("\n", "\n#. "))
            print(msg.as_po())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
