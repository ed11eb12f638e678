"""The demo's data files (opvoedwijzer/demo/data/): installed with the package, and the social map's are
HSDS 3.0 tables the app's own importer reads."""

import tomllib
import uuid
from fnmatch import fnmatch
from pathlib import Path

from opvoedwijzer.demo.files import DATA, read_json
from opvoedwijzer.demo.organisations import ORGANISATIONS
from opvoedwijzer.socialmap import importers

ROOT = Path(__file__).resolve().parents[2]


def test_every_demo_data_file_is_named_in_the_package_data_so_pip_install_installs_it():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    files = [path.relative_to(DATA.parent).as_posix() for path in DATA.rglob("*") if path.is_file()]
    assert files
    assert [f for f in files if not any(fnmatch(f, p) for p in patterns["opvoedwijzer.demo"])] == []


def test_each_demo_organisation_with_a_map_has_an_hsds_file_of_known_tables_with_uuid_ids():
    with_a_map = [spec for spec in ORGANISATIONS if spec.get("social_map")]
    assert with_a_map
    for spec in with_a_map:
        tables = read_json(f"socialmap-{spec['slug']}.hsds.json")
        assert set(tables) <= set(importers.KEPT_TABLES)
        assert tables["organizations"] and tables["services"]
        for rows in tables.values():
            for row in rows:
                assert uuid.UUID(row["id"])
