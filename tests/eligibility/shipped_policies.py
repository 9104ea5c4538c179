"""Each council's shipped route policies (fixtures/route_policies.yaml) as the engine takes them.

Read straight from the fixture, with no database, so that engine tests and the sweep run on the
councils' real policies. tests/eligibility/test_council_policies.py checks that the database
path (council_data.py) gives the same.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from eligibility.finder.rules import ROUTE_TYPES, Policy

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "route_policies.yaml"
COUNCIL_NAMES = {
    "essex": "Essex County Council",
    "bexley": "London Borough of Bexley",
    "norfolk": "Norfolk County Council",
    "stoke-on-trent": "Stoke-on-Trent City Council",
}


@functools.cache
def shipped() -> dict[str, tuple[dict[str, str | None], dict[str, Policy]]]:
    """council slug -> (route type -> service slug, route type -> Policy)."""
    rows = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    councils: dict[str, tuple[dict[str, str | None], dict[str, Policy]]] = {}
    for row in rows:
        fields = row["fields"]
        council = fields["council"][0]
        route_type = fields["route_type"][0]
        services, policies = councils.setdefault(council, (dict.fromkeys(ROUTE_TYPES), {}))
        services[route_type] = fields["service"][0] if fields["service"] else None
        policies[route_type] = Policy(
            access=fields["access"],
            how_to_reach=fields["how_to_reach"],
            needs=tuple(fields["needs"]),
            factors=tuple(fields["factors"]),
            enough_alone=tuple(fields["enough_alone"]),
            main_route=fields["main_route"],
            council=COUNCIL_NAMES[council],
            min_age=fields.get("min_age"),
            max_age=fields.get("max_age"),
        )
    return councils
