"""The demo organisations, their municipalities and users (`data/organisations.json`)."""

from .files import read_json

# [{"slug", "name", "municipalities": [NIS code, …], "users": [{"name", "role", "first_name"}, …],
#   "contacts": how many registrations, "social_map", "public_site"}, …]
ORGANISATIONS = read_json("organisations.json")
