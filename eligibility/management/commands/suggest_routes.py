"""python manage.py suggest_routes --council SLUG --answers FILE (PRODUCT.md, the contract).

Prints the routes likely to fit one family as JSON. Bad input is one line on stderr and exit
status 2, never a guess and never a traceback.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from eligibility.finder.council_data import (
    national_routes,
    published_policies,
    route_policies,
    route_services,
    route_texts,
)
from eligibility.finder.rules import Answers, AnswersError, suggest
from services.models import Council

BAD_INPUT = 2


class BadInput(Exception):
    """Input the command refuses, with a one-line message for stderr."""


def one_line(text):
    return " ".join(str(text).split())


def read_answers(path):
    """The answers file as validated Answers, or BadInput naming why not."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or one_line(error)
        raise BadInput(f"cannot read answers file {path}: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"answers file {path} is not valid JSON: {error}") from None
    try:
        return Answers.from_dict(data)
    except AnswersError as error:
        raise BadInput(f"answers file {path}: {one_line(error)}") from None
    except TypeError as error:  # defensive: the dataclass refusing an argument
        raise BadInput(f"answers file {path}: {one_line(error)}") from None


def find_council(slug):
    council = Council.objects.filter(slug=slug).first()
    if council is None:
        raise BadInput(f"unknown council {slug!r}")
    return council


class Command(BaseCommand):
    help = "Print, as JSON, the routes likely to fit a family (the route finder's engine)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            # argparse prints usage and the message on two lines; the contract wants one.
            sys.stderr.write(f"suggest_routes: {one_line(message)}\n")
            sys.exit(BAD_INPUT)

        parser.error = error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--council", required=True, help="The council's slug, e.g. essex.")
        parser.add_argument(
            "--answers", required=True, metavar="FILE", help="A JSON file of answers."
        )

    def handle(self, *args, **options):
        try:
            answers = read_answers(options["answers"])
            council = find_council(options["council"])
        except BadInput as error:
            self.stderr.write(f"suggest_routes: {error}")
            sys.exit(BAD_INPUT)
        rows = published_policies(council)
        suggestion = suggest(
            answers,
            route_services(council, rows),
            route_texts(national_routes()),
            route_policies(council, rows),
        )
        self.stdout.write(json.dumps(suggestion.to_dict(council.slug), indent=2))
