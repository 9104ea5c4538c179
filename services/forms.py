"""Forms that tidy what parents send. They validate; they decide nothing."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q

from services.models import Access, Category, Cost, linked_model
from services.search import MAX_QUERY_LENGTH, Filters, clean_query

MAX_AGE = 25


class KnownChoicesField(forms.MultipleChoiceField):
    """Checkbox values: unknown ones (an old or edited link) are dropped, not an error."""

    def clean(self, value):
        value = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        self.ignored = [item for item in value if item not in known]
        return list(dict.fromkeys(item for item in value if item in known))


class QueryField(forms.CharField):
    """The search box: tidied (NUL bytes removed, length capped) rather than refused."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class ServiceFilterForm(forms.Form):
    """The search box and filters of the service directory, all sent as GET parameters."""

    q = QueryField(required=False, label="Search for a service")
    category = KnownChoicesField(required=False, label="Type of service")
    age = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        label="Your child's age in years",
        error_messages={
            "invalid": "Enter your child's age in years, as a number like 7",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
    )
    level = KnownChoicesField(required=False, label="Level of need")
    access = KnownChoicesField(
        required=False, label="How to get it", choices=Access.choices
    )
    cost = KnownChoicesField(required=False, label="Cost", choices=Cost.choices)
    route = KnownChoicesField(required=False, label="Type of help")

    # Order of the filters on the page and in the list of chosen filters.
    FILTERS = ["category", "age", "level", "access", "cost", "route"]

    def __init__(self, data, council):
        super().__init__(data)
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.route_types = {r.slug: r for r in linked_model("route_types").objects.all()}
        self.levels = {level.code: level for level in levels_for(council)}
        self.fields["category"].choices = [(s, c.name) for s, c in self.categories.items()]
        self.fields["route"].choices = [(s, r.title) for s, r in self.route_types.items()]
        self.fields["level"].choices = [
            (code, f"{level.code}: {level.name}") for code, level in self.levels.items()
        ]
        self.is_valid()

    @property
    def query(self):
        return self.cleaned_data.get("q", "")

    @property
    def query_was_shortened(self):
        raw = " ".join((self.data.get("q") or "").replace("\x00", " ").split())
        return len(raw) > MAX_QUERY_LENGTH

    @property
    def age_input(self):
        """What the parent typed as the age, safe to show again in the box."""
        return clean_query(self.data.get("age", ""))[:20]

    @property
    def ignored_values(self):
        """How many filter values were not recognised and so left out."""
        return sum(len(getattr(self.fields[name], "ignored", [])) for name in self.FILTERS
                   if name != "age")

    def only_known_choices(self):
        """Every parameter is a filter with only known values: no words typed, nothing odd."""
        names = set(self.data) - {"page"}
        return (
            names <= set(self.FILTERS)
            and not self.errors
            and not self.ignored_values
            and all(len(self.data.getlist(name)) == len(self.cleaned_data.get(name) or [])
                    for name in names if name != "age")
            and len(self.data.getlist("age")) <= 1
        )

    @property
    def filters(self):
        """The valid filters, as search.Filters; a field with an error is left out."""
        data = self.cleaned_data
        return Filters(
            category_ids=tuple(self.categories[s].pk for s in data.get("category", [])),
            age=data.get("age"),
            level_ids=tuple(self.levels[c].pk for c in data.get("level", [])),
            access=tuple(data.get("access", [])),
            cost=tuple(data.get("cost", [])),
            route_type_ids=tuple(self.route_types[s].pk for s in data.get("route", [])),
        )

    def params(self):
        """The cleaned query and filters as (name, value) pairs for a link."""
        pairs = [("q", self.query)] if self.query else []
        for name in self.FILTERS:
            value = self.cleaned_data.get(name)
            if isinstance(value, list):
                pairs += [(name, item) for item in value]
            elif value is not None:
                pairs.append((name, str(value)))
        return pairs

    def query_string(self):
        """The query string that repeats this search, for pagination links."""
        return urlencode(self.params())

    def chosen_filters(self):
        """Each chosen filter value with its label and a link that removes it."""
        params = self.params()
        chosen = []
        for name, value in params:
            if name == "q":
                continue
            remaining = [pair for pair in params if pair != (name, value)]
            chosen.append(
                {
                    "group": self.fields[name].label,
                    "label": self.label_for(name, value),
                    "query_string": urlencode(remaining),
                }
            )
        return chosen

    def label_for(self, name, value):
        if name == "age":
            return f"Age {value}"
        return dict(self.fields[name].choices).get(value, value)

    @property
    def checkbox_groups(self):
        """Each checkbox filter with its options: value, label, and whether it is chosen."""
        groups = []
        for name in self.FILTERS:
            if name == "age":
                continue
            chosen = set(self.cleaned_data.get(name, []))
            options = [
                {"value": value, "label": label, "checked": value in chosen}
                for value, label in self.fields[name].choices
            ]
            groups.append({"name": name, "legend": self.fields[name].label, "options": options})
        return groups


def levels_for(council):
    """The council's own levels of need, or the national continuum when it publishes none."""
    levels = list(
        linked_model("levels")
        .objects.published()
        .filter(Q(council=council) | Q(council__isnull=True))
    )
    own = [level for level in levels if level.council_id == council.pk]
    return own or [level for level in levels if level.council_id is None]
