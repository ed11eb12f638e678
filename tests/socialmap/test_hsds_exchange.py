"""Open Referral HSDS 3.0 in and out: the importers against the official example package and our own
lists, the public API against the official JSON Schemas, a round trip between two organisations, and
the plain list import of the staff screen.

The reference files (schemas, openapi.json, the tabular example package) are copied in tests/hsds;
every record the API gives is validated against them.
"""

import datetime
import functools
import io
import json
import pathlib
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.socialmap import importers, services
from opvoedwijzer.socialmap.models import (
    Location,
    MapOrganisation,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceContact,
    Taxonomy,
    TaxonomyTerm,
)
from opvoedwijzer.taxonomy.models import LifeStage, Theme

HSDS = pathlib.Path(__file__).resolve().parents[1] / "hsds"
BASE = "https://hsds.local/schema/"
API = "/api/hsds/zuid-limburg"

# The official example package (examples/csv): the ids its rows use.
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
EXAMPLE_ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
EXAMPLE_LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"
EXAMPLE_LOCATION_ORGANIZATION = "985e4a42-bd9f-4edc-911d-0243a4640aca"  # in no file of the package


# The HSDS reference files ---------------------------------------------------------------------------


def hsds_folder():
    """tests/hsds (a copy of the official files), or a failure that says where it was looked for."""
    if not (HSDS / "schema" / "service.json").is_file() or not (HSDS / "examples" / "csv").is_dir():
        pytest.fail(
            f"The HSDS 3.0 reference files are missing: expected schema/*.json and examples/csv/*.csv "
            f"under {HSDS} (tests/hsds, a copy of the official HSDS 3.0 files).",
            pytrace=False,
        )
    return HSDS


@functools.cache
def registry():
    """Every schema/*.json as https://hsds.local/schema/<name>.json, so that "phone.json" resolves."""
    resources = [
        (
            BASE + path.name,
            Resource.from_contents(json.loads(path.read_text("utf-8")), default_specification=DRAFT202012),
        )
        for path in sorted((hsds_folder() / "schema").glob("*.json"))
    ]
    return Registry().with_resources(resources)


RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


@functools.cache
def format_checker():
    """What jsonschema checks without extra packages (uuid, email, date …), plus RFC 3339 date-time."""
    checker = FormatChecker(formats=Draft202012Validator.FORMAT_CHECKER.checkers)

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value):
        if not isinstance(value, str):
            return True
        if not RFC3339.fullmatch(value):
            return False
        datetime.datetime.fromisoformat(value)
        return True

    return checker


@functools.cache
def validator(ref):
    return Draft202012Validator({"$ref": BASE + ref}, registry=registry(), format_checker=format_checker())


def schema_errors(ref, record):
    errors = sorted(validator(ref).iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in errors]


def assert_valid(entity, record):
    """`record` is a valid HSDS 3.0 `entity` (service, organization …); every error is listed."""
    errors = schema_errors(f"{entity}.json", record)
    if errors:
        pytest.fail(
            f"{len(errors)} error(s) in {entity} {record.get('id') if isinstance(record, dict) else ''} "
            f"against schema/{entity}.json:\n  " + "\n  ".join(errors),
            pytrace=False,
        )


def assert_page(body, entity):
    """An HSDS page: the `Page` envelope of openapi.json, and each record in `contents` valid."""
    errors = schema_errors("openapi.json#/components/schemas/Page", body)
    assert not errors, errors
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        assert key in body, f"the page has no {key}"
    assert isinstance(body["contents"], list)
    assert body["size"] == len(body["contents"])
    assert body["empty"] == (body["total_items"] == 0)
    for record in body["contents"]:
        assert_valid(entity, record)


def example_package():
    """The official tabular example package as {file name: text}."""
    folder = hsds_folder() / "examples" / "csv"
    files = {path.name: path.read_text("utf-8") for path in sorted(folder.glob("*.csv"))}
    assert "services.csv" in files, f"no services.csv in {folder}"
    return files


# Building a map the way the staff screens do ------------------------------------------------------


def terms(model, org, *codes):
    return list(model.objects.for_org(org).filter(code__in=codes))


def make_service(org, name="Opvoedingsondersteuning aan huis", *, number=0, themes=("sleep", "crying")):
    """A service with everything the staff form fills in: organisation, location with address and
    opening hours, themes, life stages, municipalities, languages, phone."""
    map_org = services.create_map_organisation(
        org,
        {
            "name": f"Huis van het Kind {number}",
            "description": "Alles rond opvoeden onder één dak.",
            "email": "info@huisvanhetkind.test",
            "website": "https://huisvanhetkind.test",
            "sociale_kaart_id": f"{1000 + number}",
            "phone": "011 12 34 56",
        },
    )
    location = services.create_location(
        org,
        {
            "map_organisation": map_org,
            "name": f"Huis van het Kind {number} – Sint-Truiden",
            "address_1": f"Stationsstraat {number + 1}",
            "postal_code": "3800",
            "city": "Sint-Truiden",
            "municipality": Municipality.objects.get(code="71053"),
            "latitude": 50.8167,
            "longitude": 5.1867,
            "accessibility": "Rolstoeltoegankelijk, lift naar de eerste verdieping.",
            "transportation": "Bus 1 tot aan het station.",
            "opening_hours": [(["MO", "TU", "TH"], datetime.time(9), datetime.time(12, 30))],
            "phone": "011 22 33 44",
        },
    )
    return services.create_service(
        org,
        {
            "map_organisation": map_org,
            "name": name,
            "description": "Een begeleider komt aan huis bij vragen over slapen en huilen.",
            "url": "https://huisvanhetkind.test/aan-huis",
            "email": "aanhuis@huisvanhetkind.test",
            "status": "active",
            "application_process": "Bel of mail ons.",
            "fees_description": "Gratis",
            "min_months": 0,
            "max_months": 36,
            "languages": "nl,fr",
            "area_description": "",
            "themes": terms(Theme, org, *themes),
            "life_stages": terms(LifeStage, org, "baby", "toddler"),
            "municipalities": list(org.municipalities.all()),
            "locations": [location],
            "opening_hours": [(["WE"], datetime.time(13, 30), datetime.time(17))],
            "phone": "011 99 88 77",
        },
    )


def counts(org):
    return {
        model.__name__: model.objects.for_org(org).count()
        for model in (
            MapOrganisation,
            Location,
            Service,
            ServiceAtLocation,
            Phone,
            ServiceContact,
            Schedule,
            Taxonomy,
            TaxonomyTerm,
        )
    }


# The schemas themselves -----------------------------------------------------------------------------


def test_the_schema_check_rejects_what_hsds_forbids():
    """The helper is not vacuous: relative $refs resolve, and formats and enums are checked."""
    good = {"id": str(uuid.uuid4()), "name": "Dienst", "status": "active"}
    assert schema_errors("service.json", good) == []
    bad = {
        "id": "not-a-uuid",
        "name": "Dienst",
        "status": "open",
        "last_modified": "gisteren",
        "phones": [{"id": str(uuid.uuid4())}],  # a phone needs a number: checked through "phone.json"
    }
    errors = "\n".join(schema_errors("service.json", bad))
    assert "'not-a-uuid' is not a 'uuid'" in errors
    assert "'open' is not one of" in errors
    assert "'gisteren' is not a 'date-time'" in errors
    assert "phones/0: 'number' is a required property" in errors
    assert schema_errors("openapi.json#/components/schemas/Page", {"total_items": "7"}) != []


# 1. The official example package -------------------------------------------------------------------


def test_official_example_package_imports_with_its_dangling_references_as_warnings(zuid):
    report = importers.import_hsds_package(zuid, example_package())

    assert report.imported, report.summary()
    assert report.refused == []
    assert counts(zuid) == {
        "MapOrganisation": 1,
        "Location": 1,
        "Service": 1,
        "ServiceAtLocation": 1,
        "Phone": 1,
        "ServiceContact": 1,
        "Schedule": 1,
        "Taxonomy": 1,
        "TaxonomyTerm": 1,
    }
    service = Service.objects.for_org(zuid).get()
    assert str(service.uuid) == EXAMPLE_SERVICE
    assert service.name == "Community Counselling"
    assert str(service.map_organisation.uuid) == EXAMPLE_ORGANIZATION
    assert service.map_organisation.name == "Example Organization Inc."
    assert service.min_months == 144 and service.max_months == 1200  # 12 and 100 years
    assert service.language_list == ["ur"]
    assert "MyCity area" in service.area_description  # a GeoJSON area is kept as its description

    location = Location.objects.for_org(zuid).get()
    assert str(location.uuid) == EXAMPLE_LOCATION
    assert (location.address_1, location.city, location.postal_code) == (
        "1-30 Main Street",
        "MyCity",
        "ABC 1234",
    )
    assert location.country == "US"
    assert location.map_organisation is None  # its organization is in no file of the package
    assert location.latitude is None and location.longitude is None  # 100, 101 is not on Earth
    assert "induction loops" in location.accessibility
    assert list(service.locations.all()) == [location]

    assert [p.number for p in service.phones.all()] == ["+44 1234 234567"]  # """+44…""" unquoted
    assert service.phones.get().extension == 100
    [schedule] = service.schedules.all()
    assert schedule.days == ["TH", "FR"]
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(10), datetime.time(18))
    assert [c.name for c in service.contacts.all()] == ["Ann Persona"]

    dangling = [w for w in report.warnings if EXAMPLE_LOCATION_ORGANIZATION in w]
    assert dangling and EXAMPLE_LOCATION in dangling[0], report.warnings
    off_earth = [w for w in report.warnings if re.search(r"\b100\b.*\b101\b", w)]
    assert off_earth and EXAMPLE_LOCATION in off_earth[0], report.warnings
    assert report.ignored == {
        "funding": 1,
        "cost_options": 1,
        "programs": 1,
        "required_documents": 1,
        "metadata": 1,
        "meta_table_descriptions": 1,
    }
    assert report.created["services"] == 1 and report.services == 1


def test_official_example_package_imported_twice_changes_nothing(zuid):
    first = importers.import_hsds_package(zuid, example_package())
    assert first.imported, first.summary()
    before = counts(zuid)

    second = importers.import_hsds_package(zuid, example_package())

    assert second.imported and second.refused == [], second.summary()
    assert counts(zuid) == before
    assert (
        second.created["services"] == 0
        and second.updated["services"] == 0
        and second.unchanged["services"] == 1
    )
    assert (
        second.created["organizations"] == 0
        and second.updated["organizations"] == 0
        and second.unchanged["organizations"] == 1
    )
    assert (
        second.created["locations"] == 0
        and second.updated["locations"] == 0
        and second.unchanged["locations"] == 1
    )
    assert second.created["phones"] == 0 and second.updated["phones"] == 0 and second.unchanged["phones"] == 1
    assert (
        second.created["schedules"] == 0
        and second.updated["schedules"] == 0
        and second.unchanged["schedules"] == 1
    )
    assert second.created["service_at_location"] == 0
    service = Service.objects.for_org(zuid).get()
    assert service.language_list == ["ur"] and service.phones.count() == 1


def test_reimported_taxonomy_is_reported_as_updated_not_created(zuid):
    importers.import_hsds_package(zuid, example_package())

    second = importers.import_hsds_package(zuid, example_package())

    assert Taxonomy.objects.for_org(zuid).count() == 1
    assert second.created["taxonomies"] == 0


# 2. The export validates ------------------------------------------------------------------------------


def test_every_api_answer_validates_against_the_hsds_schemas(client, zuid):
    assert importers.import_hsds_package(zuid, example_package()).imported
    ours = make_service(zuid)
    example = Service.objects.for_org(zuid).get(uuid=EXAMPLE_SERVICE)

    index = client.get(f"{API}/")
    assert index.status_code == 200
    assert index.json()["version"] == "3.0"

    for path, entity in [
        ("/services", "service"),
        ("/services?full=true", "service"),
        ("/organizations", "organization"),
        ("/organizations?full=true", "organization"),
        ("/service_at_locations", "service_at_location"),
        ("/service_at_locations?full=true", "service_at_location"),
        ("/taxonomies", "taxonomy"),
        ("/taxonomy_terms", "taxonomy_term"),
    ]:
        response = client.get(API + path)
        assert response.status_code == 200, (path, response.content[:500])
        body = response.json()
        assert_page(body, entity)
        assert body["total_items"] > 0, path

    services_page = client.get(f"{API}/services", {"full": "true"}).json()
    assert services_page["total_items"] == 2
    assert {s["id"] for s in services_page["contents"]} == {str(ours.uuid), EXAMPLE_SERVICE}

    for service in (ours, example):
        response = client.get(f"{API}/services/{service.uuid}")
        assert response.status_code == 200
        assert_valid("service", response.json())
        organisation = service.map_organisation
        response = client.get(f"{API}/organizations/{organisation.uuid}")
        assert response.status_code == 200
        record = response.json()
        assert_valid("organization", record)
        assert [s["id"] for s in record["services"]] == [str(service.uuid)]
    sal = ServiceAtLocation.objects.for_org(zuid).filter(service=ours).get()
    response = client.get(f"{API}/service_at_locations/{sal.uuid}")
    assert response.status_code == 200
    assert_valid("service_at_location", response.json())

    # What the staff form filled in is in the fully nested record of our service.
    record = client.get(f"{API}/services/{ours.uuid}").json()
    assert record["organization"]["name"] == "Huis van het Kind 0"
    assert [p["number"] for p in record["phones"]] == ["011 99 88 77"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in record["schedules"]] == [
        ("WE", "13:30:00", "17:00:00")
    ]
    assert sorted(lang["code"] for lang in record["languages"]) == ["fr", "nl"]
    assert (record["minimum_age"], record["maximum_age"]) == (0, 3)
    assert sorted(a["extent"] for a in record["service_areas"]) == ["71017", "71053", "73022"]
    codes = sorted(a["taxonomy_term"]["code"] for a in record["attributes"])
    assert codes == ["baby", "crying", "sleep", "toddler"]
    [at] = record["service_at_locations"]
    address = at["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"]) == (
        "Stationsstraat 1",
        "3800",
        "Sint-Truiden",
    )
    assert [p["number"] for p in at["location"]["phones"]] == ["011 22 33 44"]
    assert at["location"]["schedules"][0]["byday"] == "MO,TU,TH"


# 3. Pagination and errors ----------------------------------------------------------------------------


def test_pages_count_and_bad_parameters_are_4xx_not_500(client, zuid):
    for number in range(7):
        make_service(zuid, f"Dienst {number}", number=number)

    first = client.get(f"{API}/services", {"per_page": 3}).json()
    assert (first["page_number"], first["size"], first["first_page"], first["last_page"]) == (
        1,
        3,
        True,
        False,
    )
    last = client.get(f"{API}/services", {"per_page": 3, "page": 3}).json()
    assert_page(last, "service")
    assert last["size"] == 1 and last["last_page"] is True and last["first_page"] is False
    assert last["total_pages"] == 3 and last["total_items"] == 7 and last["page_number"] == 3
    assert [s["name"] for s in last["contents"]] == ["Dienst 6"]
    seen = [
        s["id"]
        for page in (1, 2, 3)
        for s in client.get(f"{API}/services", {"per_page": 3, "page": page}).json()["contents"]
    ]
    assert len(seen) == len(set(seen)) == 7

    for params in ({"page": 0}, {"per_page": 1000}, {"per_page": 0}, {"page": "twee"}):
        response = client.get(f"{API}/services", params)
        assert response.status_code == 422, (params, response.status_code)
        assert response.json()["detail"], params

    unknown_org = client.get("/api/hsds/bestaat-niet/services")
    assert unknown_org.status_code == 404
    assert "detail" in unknown_org.json()
    assert client.get("/api/hsds/bestaat-niet/").status_code == 404
    assert client.get(f"{API}/services/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/organizations/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/service_at_locations/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/taxonomies/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/taxonomy_terms/{uuid.uuid4()}").status_code == 404
    for malformed in ("123", "not-a-uuid", "ac148810-d857-441c-9679"):
        response = client.get(f"{API}/services/{malformed}")
        assert response.status_code in (404, 422), (malformed, response.status_code)
    for params in ({"organization_id": "x"}, {"modified_after": "gisteren"}, {"taxonomy_term_id": "12"}):
        assert client.get(f"{API}/services", params).status_code == 422, params


def test_services_can_be_filtered_as_openapi_json_describes(client, zuid):
    from opvoedwijzer.socialmap.hsds import our_uuid

    make_service(zuid, "Slaapconsult", themes=("sleep",))
    crying = make_service(zuid, "Huilbaby", number=1, themes=("crying",))

    def names(**params):
        response = client.get(f"{API}/services", params)
        assert response.status_code == 200, (params, response.content[:300])
        assert_page(response.json(), "service")
        return sorted(s["name"] for s in response.json()["contents"])

    assert names() == ["Huilbaby", "Slaapconsult"]
    assert names(taxonomy_term_id=our_uuid(zuid, "theme", "sleep")) == ["Slaapconsult"]
    assert names(taxonomy_term_id=our_uuid(zuid, "theme", "crying")) == ["Huilbaby"]
    assert names(taxonomy_term_id=our_uuid(zuid, "life_stage", "baby")) == ["Huilbaby", "Slaapconsult"]
    assert names(taxonomy_term_id=str(uuid.uuid4())) == []
    assert names(taxonomy_id=our_uuid(zuid, "taxonomy", "theme")) == ["Huilbaby", "Slaapconsult"]
    assert names(organization_id=str(crying.map_organisation.uuid)) == ["Huilbaby"]
    assert names(modified_after="2000-01-01T00:00:00Z") == ["Huilbaby", "Slaapconsult"]
    assert names(modified_after="2999-01-01T00:00:00Z") == []
    assert names(postcode="3800") == ["Huilbaby", "Slaapconsult"]
    assert client.get(f"{API}/services", {"postcode": "0000"}).status_code == 404

    terms_page = client.get(f"{API}/taxonomy_terms", {"per_page": 500}).json()
    assert our_uuid(zuid, "theme", "sleep") in {t["id"] for t in terms_page["contents"]}
    one_taxonomy = client.get(
        f"{API}/taxonomy_terms", {"taxonomy_id": our_uuid(zuid, "taxonomy", "life_stage")}
    ).json()
    assert {t["code"] for t in one_taxonomy["contents"]} == set(
        LifeStage.objects.for_org(zuid).values_list("code", flat=True)
    )
    term = client.get(f"{API}/taxonomy_terms/{our_uuid(zuid, 'theme', 'sleep')}")
    assert term.status_code == 200 and term.json()["code"] == "sleep"
    assert_valid("taxonomy_term", term.json())
    taxonomy = client.get(f"{API}/taxonomies/{our_uuid(zuid, 'taxonomy', 'theme')}")
    assert taxonomy.status_code == 200
    assert_valid("taxonomy", taxonomy.json())


def test_services_list_takes_the_same_number_of_queries_for_5_and_20_services(
    client, zuid, django_assert_max_num_queries
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(f"{API}/services", {"full": "true", "per_page": 100})
        assert response.status_code == 200
        return len(context.captured_queries), response.json()["total_items"]

    for number in range(5):
        make_service(zuid, f"Dienst {number:02d}", number=number)
    with_5, total = queries()
    assert total == 5
    for number in range(5, 20):
        make_service(zuid, f"Dienst {number:02d}", number=number)
    with_20, total = queries()
    assert total == 20
    assert with_20 == with_5, f"{with_5} queries for 5 services, {with_20} for 20"

    with django_assert_max_num_queries(QUERIES_FOR_SERVICES_LIST):
        assert client.get(f"{API}/services", {"full": "true", "per_page": 100}).status_code == 200


QUERIES_FOR_SERVICES_LIST = 16  # measured: 14 (organisation, count, services, 11 prefetches) + headroom


# 4. Round trip ---------------------------------------------------------------------------------------


def test_export_of_zuid_imports_into_noord_and_exports_again_validly(client, zuid, noord):
    ours = make_service(zuid)
    make_service(zuid, "Slaapconsult", number=1, themes=("sleep",))
    exported = client.get(f"{API}/services", {"full": "true"}).json()
    assert exported["total_items"] == 2

    report = importers.import_hsds_json(noord, exported["contents"])

    assert report.imported and report.refused == [], report.summary()
    copy = Service.objects.for_org(noord).get(uuid=ours.uuid)
    assert copy.pk != ours.pk and copy.organisation == noord
    assert copy.name == ours.name and copy.description == ours.description
    assert copy.map_organisation.name == "Huis van het Kind 0"
    assert copy.map_organisation.organisation == noord
    assert copy.map_organisation.sociale_kaart_id == ""  # not in a service's nested organization
    assert sorted(t.code for t in copy.themes.all()) == ["crying", "sleep"]
    assert all(t.organisation == noord for t in copy.themes.all())  # mapped onto noord's taxonomy
    assert sorted(s.code for s in copy.life_stages.all()) == ["baby", "toddler"]
    assert all(s.organisation == noord for s in copy.life_stages.all())
    assert copy.language_list == ["nl", "fr"]
    assert (copy.min_months, copy.max_months) == (0, 36)
    assert sorted(m.code for m in copy.municipalities.all()) == ["71017", "71053", "73022"]
    assert [p.number for p in copy.phones.all()] == ["011 99 88 77"]
    assert [(s.days, s.opens_at, s.closes_at) for s in copy.schedules.all()] == [
        (["WE"], datetime.time(13, 30), datetime.time(17))
    ]
    [location] = copy.locations.all()
    assert location.organisation == noord
    assert (location.address_1, location.postal_code, location.city) == (
        "Stationsstraat 1",
        "3800",
        "Sint-Truiden",
    )
    assert location.municipality.code == "71053"
    assert (location.latitude, location.longitude) == (50.8167, 5.1867)
    assert location.accessibility.startswith("Rolstoeltoegankelijk")
    assert [p.number for p in location.phones.all()] == ["011 22 33 44"]
    assert [s.days for s in location.schedules.all()] == [["MO", "TU", "TH"]]
    assert TaxonomyTerm.objects.for_org(noord).count() == 0  # our own terms map, they are not copied

    # The copy is noord's: zuid's rows are untouched, and noord's export validates too.
    assert Service.objects.for_org(zuid).count() == 2
    again = client.get("/api/hsds/noord-limburg/services", {"full": "true"}).json()
    assert_page(again, "service")
    assert again["total_items"] == 2
    record = client.get(f"/api/hsds/noord-limburg/services/{ours.uuid}").json()
    assert_valid("service", record)
    original = client.get(f"{API}/services/{ours.uuid}").json()
    for key in ("name", "description", "status", "minimum_age", "maximum_age", "url", "email"):
        assert record.get(key) == original.get(key), key
    assert sorted(a["taxonomy_term"]["code"] for a in record["attributes"]) == sorted(
        a["taxonomy_term"]["code"] for a in original["attributes"]
    )


def test_organizations_exported_by_zuid_import_into_noord_with_their_locations(client, zuid, noord):
    ours = make_service(zuid)
    exported = client.get(f"{API}/organizations", {"full": "true"}).json()["contents"]

    report = importers.import_hsds_json(noord, exported)

    assert report.imported and report.refused == [], report.summary()
    copy = MapOrganisation.objects.for_org(noord).get(uuid=ours.map_organisation.uuid)
    assert copy.name == "Huis van het Kind 0" and copy.sociale_kaart_id == "1000"
    assert copy.website == "https://huisvanhetkind.test" and copy.email == "info@huisvanhetkind.test"
    assert [p.number for p in copy.phones.all()] == ["011 12 34 56"]
    [location] = copy.locations.all()
    assert (location.address_1, location.city, location.municipality.code) == (
        "Stationsstraat 1",
        "Sint-Truiden",
        "71053",
    )
    assert Service.objects.for_org(noord).count() == 0  # a list of organizations holds no services
    page = client.get("/api/hsds/noord-limburg/organizations", {"full": "true"}).json()
    assert_page(page, "organization")


def test_importing_zuids_own_export_back_into_zuid_only_updates(client, zuid):
    make_service(zuid)
    before = counts(zuid)
    exported = client.get(f"{API}/services", {"full": "true"}).json()["contents"]

    report = importers.import_hsds_json(zuid, exported)

    assert report.imported and report.refused == [], report.summary()
    assert counts(zuid) == before
    assert report.created["services"] == 0
    assert report.updated["services"] + report.unchanged["services"] == 1


# 5. Tenancy -------------------------------------------------------------------------------------------


def test_services_of_noord_never_appear_in_zuids_hsds_api(client, zuid, noord):
    mine = make_service(zuid, "Dienst van Zuid")
    theirs = make_service(noord, "Dienst van Noord", number=5)
    assert importers.import_hsds_package(noord, example_package()).imported
    their_org = theirs.map_organisation
    their_sal = ServiceAtLocation.objects.for_org(noord).filter(service=theirs).get()

    everything = [
        client.get(f"{API}/{path}", {"full": "true", "per_page": 500}).content.decode()
        for path in ("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms")
    ]
    text = "\n".join(everything)
    for foreign in (theirs.uuid, their_org.uuid, their_sal.uuid, EXAMPLE_SERVICE, EXAMPLE_ORGANIZATION):
        assert str(foreign) not in text
    assert "Dienst van Noord" not in text and "Community Counselling" not in text
    assert str(mine.uuid) in text

    assert client.get(f"{API}/services/{theirs.uuid}").status_code == 404
    assert client.get(f"{API}/services/{EXAMPLE_SERVICE}").status_code == 404
    assert client.get(f"{API}/organizations/{their_org.uuid}").status_code == 404
    assert client.get(f"{API}/service_at_locations/{their_sal.uuid}").status_code == 404
    imported_term = TaxonomyTerm.objects.for_org(noord).get()
    assert client.get(f"{API}/taxonomy_terms/{imported_term.uuid}").status_code == 404
    filtered = client.get(f"{API}/services", {"organization_id": str(their_org.uuid)}).json()
    assert filtered["total_items"] == 0
    # The same service, exported by noord, is there.
    assert client.get(f"/api/hsds/noord-limburg/services/{theirs.uuid}").status_code == 200


def test_an_import_into_zuid_cannot_touch_noords_records_with_the_same_ids(client, zuid, noord):
    theirs = make_service(noord, "Dienst van Noord")
    exported = client.get("/api/hsds/noord-limburg/services", {"full": "true"}).json()["contents"]
    exported[0]["name"] = "Overgenomen door Zuid"
    noord_before = counts(noord)

    report = importers.import_hsds_json(zuid, exported)

    assert report.imported and report.created["services"] == 1, report.summary()
    theirs.refresh_from_db()
    assert theirs.name == "Dienst van Noord"
    assert counts(noord) == noord_before
    assert Service.objects.for_org(zuid).get().name == "Overgenomen door Zuid"


# 6. The plain list ------------------------------------------------------------------------------------

LIST_HEADER = [
    "organisatie",
    "dienst",
    "thema's",
    "levensfasen",
    "gemeenten",
    "telefoon",
    "openingsuren",
    "e-mail",
]
LIST_ROWS = [
    # row 2: good
    ["CAW Limburg", "Gezinsbegeleiding", "sleep, crying", "baby, toddler", "Sint-Truiden", "011 11 11 11",
     "ma-vr 9:00-12:30", "gezin@caw.test"],
    # row 3: an unknown theme
    ["CAW Limburg", "Fietsles", "fietsen", "primary", "Sint-Truiden", "011 11 11 12", "wo 13-17", ""],
    # row 4: good, with names instead of codes and NIS codes
    ["Kind en Gezin", "Consultatiebureau", "Slapen", "Baby (0–1 jaar)", "71017, 73022", "02 533 12 11",
     "di 13u30-16u", "consult@kindengezin.test"],
    # row 5: opening hours that are no time of day
    ["Kind en Gezin", "Nachtlijn", "sleep", "baby", "alle", "02 533 12 12", "maandag 25-26", ""],
    # row 6: good, everything optional left empty
    ["Opvoedingswinkel", "Opvoedingsspreekuur", "", "", "", "", "", ""],
]  # fmt: skip


def list_csv(rows=LIST_ROWS, header=LIST_HEADER):
    lines = [";".join(header)] + [";".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def list_xlsx(rows=LIST_ROWS, header=LIST_HEADER):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_list_with_bad_rows_is_refused_as_a_whole_with_row_numbers_and_reasons(zuid):
    before = counts(zuid)

    report = importers.import_list(zuid, "lijst.csv", list_csv())

    assert report.imported is False
    assert [(r.table, r.row) for r in report.refused] == [("list", "3"), ("list", "5")]
    fietsen, hours = report.refused
    assert any("fietsen" in reason for reason in fietsen.reasons), fietsen.reasons
    assert any("25" in reason for reason in hours.reasons), hours.reasons
    assert all(isinstance(reason, str) and len(reason) > 10 for r in report.refused for reason in r.reasons)
    assert counts(zuid) == before


def test_a_list_with_skip_refused_imports_the_good_rows(zuid):
    report = importers.import_list(zuid, "lijst.csv", list_csv(), skip_refused=True)

    assert report.imported is True
    assert [r.row for r in report.refused] == ["3", "5"]
    assert sorted(Service.objects.for_org(zuid).values_list("name", flat=True)) == [
        "Consultatiebureau",
        "Gezinsbegeleiding",
        "Opvoedingsspreekuur",
    ]
    assert sorted(MapOrganisation.objects.for_org(zuid).values_list("name", flat=True)) == [
        "CAW Limburg",
        "Kind en Gezin",
        "Opvoedingswinkel",
    ]
    begeleiding = Service.objects.for_org(zuid).get(name="Gezinsbegeleiding")
    assert begeleiding.map_organisation.name == "CAW Limburg"
    assert sorted(t.code for t in begeleiding.themes.all()) == ["crying", "sleep"]
    assert sorted(s.code for s in begeleiding.life_stages.all()) == ["baby", "toddler"]
    assert [m.code for m in begeleiding.municipalities.all()] == ["71053"]
    assert [p.number for p in begeleiding.phones.all()] == ["011 11 11 11"]
    [schedule] = begeleiding.schedules.all()
    assert schedule.days == ["MO", "TU", "WE", "TH", "FR"]
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(9), datetime.time(12, 30))
    consult = Service.objects.for_org(zuid).get(name="Consultatiebureau")
    assert [t.code for t in consult.themes.all()] == ["sleep"]
    assert [s.code for s in consult.life_stages.all()] == ["baby"]
    assert sorted(m.code for m in consult.municipalities.all()) == ["71017", "73022"]
    assert [(s.days, s.opens_at, s.closes_at) for s in consult.schedules.all()] == [
        (["TU"], datetime.time(13, 30), datetime.time(16))
    ]
    spreekuur = Service.objects.for_org(zuid).get(name="Opvoedingsspreekuur")
    assert spreekuur.themes.count() == 0 and spreekuur.municipalities.count() == 0


def test_a_list_keeps_the_e_mail_column(zuid):
    report = importers.import_list(zuid, "lijst.csv", list_csv(), skip_refused=True)

    assert report.imported
    assert Service.objects.for_org(zuid).get(name="Gezinsbegeleiding").email == "gezin@caw.test"


def test_the_same_list_as_xlsx_imports_too(zuid):
    refused = importers.import_list(zuid, "lijst.xlsx", list_xlsx())
    assert refused.imported is False
    assert [r.row for r in refused.refused] == ["3", "5"]
    assert Service.objects.for_org(zuid).count() == 0

    good_rows = [row for number, row in enumerate(LIST_ROWS, start=2) if number not in (3, 5)]
    report = importers.import_list(zuid, "lijst.xlsx", list_xlsx(good_rows))

    assert report.imported and report.refused == [], report.summary()
    assert Service.objects.for_org(zuid).count() == 3
    consult = Service.objects.for_org(zuid).get(name="Consultatiebureau")
    assert sorted(m.code for m in consult.municipalities.all()) == ["71017", "73022"]
    assert [p.number for p in consult.phones.all()] == ["02 533 12 11"]


def test_a_list_imported_again_updates_the_same_services(zuid):
    good_rows = [row for number, row in enumerate(LIST_ROWS, start=2) if number not in (3, 5)]
    assert importers.import_list(zuid, "lijst.csv", list_csv(good_rows)).imported
    before = counts(zuid)

    report = importers.import_list(zuid, "lijst.xlsx", list_xlsx(good_rows))

    assert report.imported and report.created["services"] == 0 and report.unchanged["services"] == 3
    assert counts(zuid) == before


def test_a_windows_1252_list_with_quoted_cells_imports(zuid):
    text = (
        "organisatie;dienst;openingsuren;talen\n"
        "Kind & Gezin – Sint-Truiden;Oekraïense ouders;"
        '"ma-vr 9-12; wo 13u30-17u";"Nederlands, Oekraïens"\n'
    )

    report = importers.import_list(zuid, "lijst.csv", text.encode("cp1252"))

    assert report.imported and report.refused == [], report.summary()
    service = Service.objects.for_org(zuid).get()
    assert service.name == "Oekraïense ouders"
    assert service.map_organisation.name == "Kind & Gezin – Sint-Truiden"
    assert service.language_list == ["nl", "uk"]
    assert [(s.days, s.opens_at, s.closes_at) for s in service.schedules.all()] == [
        (["MO", "TU", "WE", "TH", "FR"], datetime.time(9), datetime.time(12)),
        (["WE"], datetime.time(13, 30), datetime.time(17)),
    ]


def test_a_refused_row_after_an_empty_line_has_its_row_number_in_the_file(zuid):
    lines = [";".join(LIST_HEADER), ";".join(LIST_ROWS[0]), ";;;;;;;", ";".join(LIST_ROWS[1])]
    content = ("\n".join(lines) + "\n").encode()

    report = importers.import_list(zuid, "lijst.csv", content)

    assert [r.row for r in report.refused] == ["4"]  # header 1, good row 2, empty row 3, "fietsen" 4


def test_a_list_without_a_name_column_is_not_a_list(zuid):
    content = b"organisatie;thema's\nCAW Limburg;sleep\n"
    with pytest.raises(importers.ImportFileError):
        importers.import_list(zuid, "lijst.csv", content)
    with pytest.raises(importers.ImportFileError):
        importers.import_list(zuid, "lijst.csv", b"")
    with pytest.raises(importers.ImportFileError):
        importers.import_list(zuid, "lijst.xlsx", b"this is no spreadsheet")
    assert Service.objects.for_org(zuid).count() == 0


# 7. Broken HSDS JSON -----------------------------------------------------------------------------------


def hsds_services():
    organization = {"id": str(uuid.uuid4()), "name": "Huis van het Kind", "description": "Huis"}
    good = [
        {
            "id": str(uuid.uuid4()),
            "name": f"Goede dienst {n}",
            "status": "active",
            "organization": organization,
            "phones": [{"id": str(uuid.uuid4()), "number": f"011 00 00 0{n}"}],
        }
        for n in (1, 2)
    ]
    no_uuid = {"id": "dienst-17", "name": "Zonder uuid", "status": "active"}
    wrong_status = {
        "id": str(uuid.uuid4()),
        "name": "Verkeerde status",
        "status": "open",
        "phones": [{"id": str(uuid.uuid4()), "number": "011 00 00 09"}],
    }
    return good, no_uuid, wrong_status


def test_hsds_json_with_broken_services_is_refused_with_reasons_and_nothing_written(zuid):
    good, no_uuid, wrong_status = hsds_services()
    before = counts(zuid)

    report = importers.import_hsds_json(zuid, [*good, no_uuid, wrong_status])

    assert report.imported is False
    refused = {r.row: r for r in report.refused if r.table == "services"}
    assert set(refused) == {"dienst-17", wrong_status["id"]}, report.summary()
    assert refused["dienst-17"].reasons  # its id is not a UUID
    assert any("open" in reason for reason in refused[wrong_status["id"]].reasons)
    assert counts(zuid) == before


def test_hsds_json_with_skip_refused_writes_the_good_services(client, zuid):
    good, no_uuid, wrong_status = hsds_services()

    report = importers.import_hsds_json(zuid, {"contents": [*good, no_uuid, wrong_status]}, skip_refused=True)

    assert report.imported is True
    assert {r.row for r in report.refused if r.table == "services"} == {"dienst-17", wrong_status["id"]}
    names = sorted(Service.objects.for_org(zuid).values_list("name", flat=True))
    assert names == ["Goede dienst 1", "Goede dienst 2"]
    assert MapOrganisation.objects.for_org(zuid).count() == 1
    assert sorted(Phone.objects.for_org(zuid).values_list("number", flat=True)) == [
        "011 00 00 01",
        "011 00 00 02",
    ]
    assert_page(client.get(f"{API}/services", {"full": "true"}).json(), "service")


def test_hsds_json_that_is_not_records_is_a_file_error(zuid):
    with pytest.raises(importers.ImportFileError):
        importers.import_hsds_json(zuid, ["just a string"])


# The staff import screen ------------------------------------------------------------------------------


def upload(name="lijst.csv", content=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, list_csv() if content is None else content, content_type="text/csv")


def test_staff_import_screen_lists_the_refused_rows(client_for, sam, zuid):
    response = client_for(sam).post("/o/zuid-limburg/map/import/", {"file": upload(), "skip_refused": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["report"].imported is False
    assert [r.row for r in response.context["report"].refused] == ["3", "5"]
    assert "fietsen" in page and "25:00" in page
    assert re.search(r"<td>list</td><td>3</td><td>[^<]*fietsen", page)
    assert re.search(r"<td>list</td><td>5</td><td>[^<]*25", page)
    assert Service.objects.for_org(zuid).count() == 0


def test_staff_import_screen_says_what_is_wrong_with_a_file_that_is_no_list(client_for, sam, zuid):
    content = b"organisatie;thema's\nCAW Limburg;sleep\n"
    response = client_for(sam).post("/o/zuid-limburg/map/import/", {"file": upload(content=content)})

    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["form"].errors["file"]
    assert Service.objects.for_org(zuid).count() == 0


def test_staff_import_screen_shows_a_successful_import(client_for, sam, zuid):
    client = client_for(sam)

    response = client.post("/o/zuid-limburg/map/import/", {"file": upload(), "skip_refused": "on"})

    assert Service.objects.for_org(zuid).count() == 3  # written before the page is rendered
    assert response.status_code == 200
    assert response.context["report"].imported is True


def test_a_volunteer_may_not_import(client_for, vera, zuid):
    client = client_for(vera)

    assert client.get("/o/zuid-limburg/map/import/").status_code == 403
    assert client.post("/o/zuid-limburg/map/import/", {"file": upload()}).status_code == 403
    assert Service.objects.for_org(zuid).count() == 0


def test_a_reimport_with_a_changed_description_is_found_by_its_new_words(zuid):
    from opvoedwijzer.socialmap.search import Criteria, find_services

    importers.import_hsds_package(zuid, example_package())
    package = example_package()
    package["services.csv"] = package["services.csv"].replace(
        "Counselling Services provided", "Rouwbegeleiding provided"
    )
    report = importers.import_hsds_package(zuid, package)
    assert report.updated["services"] == 1 and report.unchanged["organizations"] == 1
    found, _understood = find_services(zuid, Criteria(text="rouwbegeleiding"))
    assert [s.name for s in found] == ["Community Counselling"]
