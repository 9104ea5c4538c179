"""The ORUK 3.0 schemas, read from ORUK_SCHEMA_DIR with their raw GitHub $refs mapped to files.

The standard's files are not part of the project (PRODUCT.md, Settled details: Open Referral
UK); the schema tests skip, naming ORUK_SCHEMA_DIR, when the folder is absent.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from tests.factories import (
    make_category,
    make_contact,
    make_full_council,
    make_route_type,
    make_service,
)

BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = BASE + "openapi.json"


def schema_dir():
    default = Path(settings.BASE_DIR).parent / "shared" / "reference" / "oruk"
    return Path(os.environ.get("ORUK_SCHEMA_DIR", default))


def local_file(uri, folder):
    """The local copy of a raw GitHub schema address: the path after /schema/."""
    path = urlsplit(uri).path
    if "/schema/" not in path:
        raise NoSuchResource(ref=uri)
    candidate = (folder / path.split("/schema/", 1)[1]).resolve()
    if folder.resolve() not in candidate.parents or not candidate.is_file():
        raise NoSuchResource(ref=uri)
    return candidate


@pytest.fixture(scope="session")
def oruk_registry():
    folder = schema_dir()
    if not (folder / "openapi.json").is_file():
        pytest.skip(
            f"ORUK 3.0 schemas not found in {folder}: set ORUK_SCHEMA_DIR to the folder "
            "holding openapi.json and compiled/"
        )

    def retrieve(uri):
        contents = json.loads(local_file(uri, folder).read_text(encoding="utf-8"))
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    return Registry(retrieve=retrieve)


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


@pytest.fixture(scope="session")
def validate_response(oruk_registry):
    """Check a JSON body against the standard's own schema for one path of its openapi.json."""

    def validate(api_path, body):
        ref = OPENAPI + "#/" + pointer(
            "paths", api_path, "get", "responses", "200", "content", "application/json", "schema"
        )
        validator = Draft202012Validator(
            {"$ref": ref},
            registry=oruk_registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = sorted(validator.iter_errors(body), key=lambda error: list(error.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])

    return validate


@pytest.fixture(scope="session")
def validate_object(oruk_registry):
    """Check a JSON object against one of the standard's object schemas, e.g. phone.json."""

    def validate(name, body):
        validator = Draft202012Validator(
            {"$ref": BASE + name},
            registry=oruk_registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = list(validator.iter_errors(body))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])

    return validate


@pytest.fixture
def feed_data(db):
    """Two councils with published and draft services, categories, routes and contacts."""
    council = make_full_council("testshire", services=3)
    other = make_full_council("otherton", services=2)
    category = make_category("health", "Health")
    route = make_route_type("early-help", order=4)
    team = make_contact(
        council, "cwd-team", name="Children with Disabilities team", phone="",
        email="cwd@testshire.example.org", url="https://testshire.example.org/cwd",
    )
    paid = make_service(
        council, "holiday-club", name="Holiday club", cost="contribution",
        cost_detail="£5 a session", min_age=5, max_age=17,
        description="- Trips\n- Games", summary="=SUM(A1)",
    )
    paid.categories.add(category)
    paid.route_types.add(route)
    paid.contacts.add(team, council.contacts.get(slug="front-door"))
    draft = make_service(council, "secret-draft", status="draft", name="Draft service")
    return {"council": council, "other": other, "paid": paid, "draft": draft}
