"""Our directory as Open Referral UK 3.0 objects: plain functions from models to dicts.

ORUK 3.0 is the UK profile of the Human Services Data Specification (HSDS) 3.0. Every id is a
UUID derived (uuid5) from a natural key, so it stays the same across fixture reloads and
installs. Nothing here reads the request: views pass in a function that makes absolute URLs.
"""

import math
import uuid

from services.models import ORUK_NAMESPACE, Cost

VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
CATEGORIES = "categories"
ROUTE_TYPES = "route-types"

# The two taxonomies the feed publishes: our service categories and the route finder's routes.
TAXONOMIES = {
    CATEGORIES: {
        "name": "Local Offer service categories",
        "description": "What kind of help a service gives: social care, short breaks, health, "
        "education and the other topics a SEND Local Offer covers (Children and Families Act "
        "2014 s30).",
    },
    ROUTE_TYPES: {
        "name": "Local Offer routes to social care support",
        "description": "The national routes to support for disabled children and their "
        "families, such as short breaks or a social work assessment, that each council maps "
        "to its own services.",
    },
}
# HSDS attribute.link_type: what the linked term says about the service.
LINK_TYPES = {CATEGORIES: "category", ROUTE_TYPES: "route"}


def stable_id(*parts):
    """A UUID that depends only on `parts`, so it is the same on every reload."""
    return str(uuid.uuid5(ORUK_NAMESPACE, "/".join(str(part) for part in parts)))


def taxonomy_id(taxonomy):
    return stable_id("taxonomy", taxonomy)


def category_term_id(category):
    return stable_id("taxonomy-term", CATEGORIES, category.slug)


def route_type_term_id(route_type):
    return stable_id("taxonomy-term", ROUTE_TYPES, route_type.slug)


def organization_id(council):
    return stable_id("organization", council.slug)


def without_blanks(data):
    """`data` without keys whose value is None or an empty string (formats like uri refuse "")."""
    return {key: value for key, value in data.items() if value not in (None, "")}


def without_empty_lists(data):
    """`data` without its empty arrays (every array the feed sends is optional)."""
    return {key: value for key, value in data.items() if value != []}


def taxonomy(key, url=None, terms=None):
    """One of our two taxonomies; with `terms` (already mapped) when the caller wants them."""
    data = without_blanks(
        {
            "id": taxonomy_id(key),
            "name": TAXONOMIES[key]["name"],
            "description": TAXONOMIES[key]["description"],
            "uri": url,
            "version": "1",
        }
    )
    if terms is not None:
        data["taxonomy_terms"] = terms
    return data


def category_term(category):
    """A service category as a taxonomy term of the categories taxonomy."""
    return {
        "id": category_term_id(category),
        "name": category.name,
        "description": category.description or category.name,
        "taxonomy": TAXONOMIES[CATEGORIES]["name"],
        "taxonomy_id": taxonomy_id(CATEGORIES),
        "term": category.slug,
    }


def route_type_term(route_type):
    """A national route type as a taxonomy term of the routes taxonomy."""
    return {
        "id": route_type_term_id(route_type),
        "name": route_type.title,
        "description": route_type.summary or route_type.title,
        "taxonomy": TAXONOMIES[ROUTE_TYPES]["name"],
        "taxonomy_id": taxonomy_id(ROUTE_TYPES),
        "term": route_type.slug,
    }


def organization(council):
    """The council that runs the Local Offer, as the organization behind each service."""
    return without_blanks(
        {
            "id": organization_id(council),
            "name": council.name,
            "description": council.introduction,
            "email": council.front_door_email,
            "website": council.website_url,
        }
    )


def contact(service_id, contact):
    """A team or role to contact about a service, with its phone number if published."""
    contact_id = stable_id("contact", contact.council.slug, contact.slug)
    phones = []
    if contact.phone:
        phones.append(
            {
                "id": stable_id("phone", contact_id),
                "contact_id": contact_id,
                "number": contact.phone,
                "description": contact.notes,
            }
        )
    return without_blanks(
        {
            "id": contact_id,
            "service_id": service_id,
            "name": contact.name,
            "email": contact.email,
            "url": contact.url,
        }
    ) | without_empty_lists({"phones": [without_blanks(phone) for phone in phones]})


def cost_options(service_id, service):
    """One cost option: free (amount 0) or a contribution, with the council's own words; none
    when no source states the cost."""
    if not service.cost:
        return []
    free = service.cost == Cost.FREE
    option = {
        "id": stable_id("cost-option", service_id),
        "service_id": service_id,
        "option": Cost(service.cost).label,
        "amount_description": service.cost_detail,
    }
    if free:
        option["amount"] = 0
    return [without_blanks(option)]


def attribute(service_id, term, taxonomy_key):
    """The HSDS 3.0 link between a service and one taxonomy term, with the term nested."""
    return {
        "id": stable_id("attribute", service_id, term["id"]),
        "link_id": service_id,
        "link_type": LINK_TYPES[taxonomy_key],
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def fees(service):
    if not service.cost:
        return service.cost_detail or "Not stated: ask the service."
    label = Cost(service.cost).label
    return f"{label}. {service.cost_detail}" if service.cost_detail else label


def service_summary(service, url=None):
    """A service's one-to-one fields and its organization: an item of the services list."""
    service_id = str(service.oruk_id)
    description = "\n\n".join(part for part in (service.summary, service.description) if part)
    return without_blanks(
        {
            "id": service_id,
            "organization_id": organization_id(service.council),
            "name": service.name,
            "description": description,
            "url": url,
            "status": "active",
            "fees": fees(service),
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            # HSDS 3.0 fields the UK profile leaves out but allows (it forbids no property).
            "eligibility_description": service.eligibility,
            "application_process": service.how_to_get,
            "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
            "organization": organization(service.council),
        }
    )


def service(service, url=None):
    """The fully nested service. Needs categories, route_types and contacts prefetched."""
    data = service_summary(service, url)
    service_id = data["id"]
    contacts = [contact(service_id, item) for item in service.contacts.all()]
    email = next((item.email for item in service.contacts.all() if item.email), "")
    if email:
        data["email"] = email
    terms = [(CATEGORIES, category_term(item)) for item in service.categories.all()]
    terms += [(ROUTE_TYPES, route_type_term(item)) for item in service.route_types.all()]
    # No schedules, service areas, locations, languages or funding are recorded: as the ORUK
    # guidance recommends, an optional array with nothing in it is left out, not sent empty.
    data |= without_empty_lists(
        {
            "cost_options": cost_options(service_id, service),
            "contacts": contacts,
            "attributes": [attribute(service_id, term, key) for key, term in terms],
        }
    )
    return data


def page(contents, total_items, page_number, per_page):
    """The ORUK `Page` wrapper around one page of already-mapped items."""
    total_pages = max(1, math.ceil(total_items / per_page)) if total_items else 0
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
