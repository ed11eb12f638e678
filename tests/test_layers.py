"""The apps have a direction (docs/architecture.md, "Layers"): foundation → domains → composers.

Every import counts, also one inside a function body. An app may import from its own layer or the
layers below, never from a layer above; no two apps import each other, and the app graph has no cycle;
a domain uses another domain only through its public modules (PUBLIC), a composer only through a
domain's public modules for composers (FOR_COMPOSERS) or a reach named, with its reason, in
COMPOSER_REACHES."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "opvoedwijzer"

# suggestions (issue 20) is foundation: it may import core, privacy and taxonomy only.
FOUNDATION = ["core", "privacy", "taxonomy", "suggestions"]
DOMAINS = [
    "contacts",
    "socialmap",
    "questions",
    "library",
    "activities",
    "policy",
    "pages",
    "trajectories",
    "volunteers",
]
COMPOSERS = ["reports", "imports", "regions", "onboarding", "api", "home", "demo", "retention"]
LAYERS = {app: n for n, apps in enumerate([FOUNDATION, DOMAINS, COMPOSERS]) for app in apps}
LAYER_NAMES = ["foundation", "domains", "composers"]

# What a domain may use of another domain: its models, its writes, its named reads.
PUBLIC = {"models", "services", "selectors", "search"}
# What a composer may use of a domain: the same, plus the pieces a domain publishes for composers — its
# report section (`report`, read by the reports registry), its retention rules (`retention`, run by the
# retention composer) — and its `forms`: a composer that writes on a member's behalf (the API, the demo
# data) validates through the screen's form, so the same checks and the same PII guard apply, and some
# writes take the validated form (`policy.services.create_meeting(form, …)`).
FOR_COMPOSERS = PUBLIC | {"report", "retention", "forms"}
# Reaches into other modules of a domain that are its published interface, each with why.
COMPOSER_REACHES = {
    # The social map in Open Referral HSDS 3.0: the format in which the map is published.
    ("api", "opvoedwijzer.socialmap.hsds"): "the HSDS API serves the records socialmap/hsds.py builds",
    # The demo map is an HSDS file, loaded the way an organisation's own import is (the import screen
    # and `import_social_map` call the same importer).
    ("demo", "opvoedwijzer.socialmap.importers"): "the demo map goes in through the map's importer",
    # The agenda's list: the API lists exactly what the public agenda page lists.
    ("api", "opvoedwijzer.activities.public"): "agenda_activities, the public agenda's list",
}


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "opvoedwijzer" and parts[1] in LAYERS else None


def imports_of(path, root=PACKAGE):
    """(line, module imported) for every import in the file, relative ones made absolute."""
    package = ".".join(path.relative_to(root.parent).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if node.module is None or node.level:
                for alias in node.names:
                    yield node.lineno, f"{base}.{alias.name}"
            else:
                yield node.lineno, base
                for alias in node.names:
                    yield node.lineno, f"{base}.{alias.name}"


def app_imports():
    """{(from app, to app): ["file:line module", …]} over every Python file of every app."""
    edges = defaultdict(list)
    for app in LAYERS:
        for path in sorted((PACKAGE / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, module in imports_of(path):
                target = app_of(module)
                if target and target != app:
                    edges[(app, target)].append((f"{path.relative_to(PACKAGE)}:{line}", module))
    return edges


def test_every_app_has_a_layer():
    apps = {p.parent.name for p in PACKAGE.glob("*/apps.py")}
    assert apps == set(LAYERS), "put each app in a layer"


def test_no_app_imports_from_a_layer_above_it():
    upward = {
        where: f"{where} ({LAYER_NAMES[LAYERS[a]]} {a} → {LAYER_NAMES[LAYERS[b]]} {b}): {module}"
        for (a, b), found in sorted(app_imports().items())
        if LAYERS[b] > LAYERS[a]
        for where, module in found
    }
    assert upward == {}, "\n".join(upward.values())


def cycles_in(edges):
    """Every cycle the walk meets in the graph of (from, to) edges, as "a → b → a"."""
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    cycles = []

    def visit(app, path):
        for nxt in sorted(graph[app]):
            if nxt in path:
                cycles.append(" → ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in done:
                visit(nxt, [*path, nxt])
        done.add(app)

    done = set()
    for app in sorted(graph):
        if app not in done:
            visit(app, [app])
    return sorted(set(cycles))


def test_no_two_apps_import_each_other_and_there_is_no_cycle():
    cycles = cycles_in(app_imports())
    assert cycles == [], "\n".join(cycles)


@pytest.mark.parametrize(
    ("edges", "cycle"),
    [
        ([("questions", "library"), ("library", "questions")], "library → questions → library"),
        (
            [
                ("contacts", "reports"),
                ("reports", "socialmap"),
                ("socialmap", "contacts"),
                ("api", "contacts"),
            ],
            "contacts → reports → socialmap → contacts",
        ),
    ],
)
def test_the_cycle_check_finds_a_cycle(edges, cycle):
    assert cycles_in(edges) == [cycle]


def test_the_cycle_check_passes_a_graph_without_one():
    assert (
        cycles_in([("api", "contacts"), ("reports", "contacts"), ("contacts", "core"), ("api", "core")]) == []
    )


def test_a_domain_uses_another_domain_only_through_its_public_modules():
    private = {
        where: f"{where}: {module}"
        for (a, b), found in sorted(app_imports().items())
        if LAYERS[a] == LAYERS[b] == 1
        for where, module in found
        if len(module.split(".")) > 2 and module.split(".")[2] not in PUBLIC
    }
    assert private == {}, "\n".join(private.values())


def test_a_composer_uses_a_domain_only_through_its_public_modules():
    private = {
        where: f"{where}: {module}"
        for (a, b), found in sorted(app_imports().items())
        if LAYERS[a] == 2 and LAYERS[b] == 1
        for where, module in found
        if len(module.split(".")) > 2
        and module.split(".")[2] not in FOR_COMPOSERS
        and (a, ".".join(module.split(".")[:3])) not in COMPOSER_REACHES
    }
    assert private == {}, "\n".join(private.values())


def test_every_named_reach_is_still_used():
    used = {
        (a, ".".join(module.split(".")[:3]))
        for (a, _b), found in app_imports().items()
        for _where, module in found
        if len(module.split(".")) > 2
    }
    assert set(COMPOSER_REACHES) - used == set(), "remove a reach no composer takes any more"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from opvoedwijzer.reports import rollup", {"opvoedwijzer.reports", "opvoedwijzer.reports.rollup"}),
        (
            "def f():\n    from opvoedwijzer.socialmap.models import Service",
            {"opvoedwijzer.socialmap.models"},
        ),
        ("from ..contacts import services", {"opvoedwijzer.contacts.services"}),
    ],
)
def test_the_walk_sees_every_kind_of_import(tmp_path, source, expected):
    module = tmp_path / "opvoedwijzer" / "questions" / "views.py"
    module.parent.mkdir(parents=True)
    module.write_text(source)
    found = {m for _line, m in imports_of(module, root=tmp_path / "opvoedwijzer")}
    assert expected <= found
