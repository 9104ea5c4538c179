"""python manage.py suggest_routes: the contract's JSON, and one line with exit 2 on bad input."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from eligibility.finder.council_data import (
    national_routes,
    route_policies,
    route_services,
    route_texts,
)
from eligibility.finder.rules import ROUTE_TYPES, Answers, suggest
from eligibility.models import RouteType
from tests.eligibility.finder_data import make_finder_council
from tests.support.content import load_shipped_content

pytestmark = pytest.mark.django_db

STOKE_FAMILY = {
    "age": 9,
    "disability": "yes",
    "child_needs": ["severe-learning-difficulties"],
    "family_factors": ["single-carer", "challenging-behaviour"],
    "risk_of_harm": False,
    "ehc_plan": "no",
    "current_support": "none",
    "carer_needs_support": True,
}


def write_answers(tmp_path, answers):
    path = tmp_path / "answers.json"
    path.write_text(answers if isinstance(answers, str) else json.dumps(answers))
    return path


def run(council, answers_path):
    """(exit status, stdout, stderr) of the command run in this process."""
    out, err = StringIO(), StringIO()
    status = 0
    try:
        call_command(
            "suggest_routes", "--council", council, "--answers", str(answers_path),
            stdout=out, stderr=err,
        )
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_command_prints_the_contract_json_for_a_stoke_family(tmp_path):
    load_shipped_content()
    status, out, err = run("stoke-on-trent", write_answers(tmp_path, STOKE_FAMILY))
    assert (status, err) == (0, "")
    assert out.startswith('{\n  "council": "stoke-on-trent",\n  "urgent": false,')  # indent 2
    result = json.loads(out)
    assert set(result) == {"council", "urgent", "routes"}
    assert result["urgent"] is False
    types = [route["type"] for route in result["routes"]]
    titles = dict(RouteType.objects.values_list("slug", "title"))
    # Stoke's CWD criteria met (a listed need with listed pressures): the CWD team first.
    assert types == [
        "social-work-assessment", "early-help", "parent-carer-assessment", "short-breaks",
        "direct-payments", "universal", "information-advice",
    ]
    for route in result["routes"]:
        assert set(route) == {"type", "service", "title", "reasons", "legal_duties"}
        assert route["type"] in ROUTE_TYPES
        assert route["title"] == titles[route["type"]]
        assert route["service"] is None or isinstance(route["service"], str)
        assert route["reasons"] and all(isinstance(r, str) for r in route["reasons"])
        assert route["legal_duties"] and all(isinstance(d, str) for d in route["legal_duties"])
    pca = result["routes"][types.index("parent-carer-assessment")]
    assert "You said you would like support for yourself." in pca["reasons"]
    assert "children-act-1989-s17zd" in pca["legal_duties"]


def test_command_uses_the_same_engine_and_council_data_as_the_web(tmp_path):
    council = make_finder_council("finderton")
    status, out, _ = run("finderton", write_answers(tmp_path, STOKE_FAMILY))
    expected = suggest(
        Answers.from_dict(STOKE_FAMILY), route_services(council), route_texts(national_routes()),
        route_policies(council),
    )
    assert status == 0
    assert json.loads(out) == expected.to_dict("finderton")


def test_command_names_the_service_each_route_policy_chooses(tmp_path):
    make_finder_council("finderton")
    _, out, _ = run("finderton", write_answers(tmp_path, STOKE_FAMILY))
    services = {route["type"]: route["service"] for route in json.loads(out)["routes"]}
    assert services == {
        "short-breaks": "aiming-high",  # the policy's choice, whatever the names
        "early-help": "early-help-hub",
        "social-work-assessment": "cwd-team",
        "parent-carer-assessment": "carers-hub",
        "direct-payments": None,  # no service: the page points to the front door
        "universal": None,
        "information-advice": "sendiass",
    }


def test_command_puts_child_protection_first_when_a_child_may_be_at_risk(tmp_path):
    make_finder_council("finderton")
    answers = {**STOKE_FAMILY, "risk_of_harm": True}
    _, out, _ = run("finderton", write_answers(tmp_path, answers))
    result = json.loads(out)
    assert result["urgent"] is True
    assert result["routes"][0]["type"] == "child-protection"
    assert result["routes"][0]["service"] is None


def test_only_age_is_required(tmp_path):
    make_finder_council("finderton")
    status, out, _ = run("finderton", write_answers(tmp_path, {"age": 0}))
    assert status == 0
    assert [r["type"] for r in json.loads(out)["routes"]][-2:] == [
        "universal", "information-advice"
    ]


BAD_ANSWERS = [
    pytest.param({**STOKE_FAMILY, "postcode": "ST4 1HH"}, "unknown answer key", id="unknown-key"),
    pytest.param({**STOKE_FAMILY, "disability": "maybe"}, "unknown value", id="unknown-value"),
    pytest.param({**STOKE_FAMILY, "child_needs": ["autism"]}, "unknown value",
                 id="unknown-value-in-a-list"),
    pytest.param({**STOKE_FAMILY, "age": "nine"}, "'age' must be a whole number",
                 id="wrong-type-age-as-text"),
    pytest.param({**STOKE_FAMILY, "age": 9.5}, "'age' must be a whole number",
                 id="wrong-type-age-not-whole"),
    pytest.param({**STOKE_FAMILY, "risk_of_harm": "no"}, "must be true or false",
                 id="wrong-type-flag-as-text"),
    pytest.param({**STOKE_FAMILY, "family_factors": "single-carer"}, "must be a list",
                 id="wrong-type-list-as-text"),
    pytest.param({**STOKE_FAMILY, "age": 26}, "from 0 to 25", id="age-over-25"),
    pytest.param({**STOKE_FAMILY, "age": -1}, "from 0 to 25", id="age-below-0"),
    pytest.param({"disability": "yes"}, "missing answer 'age'", id="age-missing"),
    pytest.param("{age: 9}", "not valid JSON", id="invalid-json"),
    pytest.param("", "not valid JSON", id="empty-file"),
    pytest.param("[9]", "must be a JSON object", id="json-not-an-object"),
]


@pytest.mark.parametrize(("answers", "message"), BAD_ANSWERS)
def test_bad_answers_are_one_line_on_stderr_and_exit_2(tmp_path, answers, message):
    make_finder_council("finderton")
    status, out, err = run("finderton", write_answers(tmp_path, answers))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert message in err
    assert "Traceback" not in err


def test_unknown_council_is_one_line_and_exit_2(tmp_path):
    status, out, err = run("atlantis", write_answers(tmp_path, STOKE_FAMILY))
    assert (status, out) == (2, "")
    assert err == "suggest_routes: unknown council 'atlantis'\n"


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        pytest.param(lambda tmp: tmp / "missing.json", "No such file", id="missing-file"),
        pytest.param(lambda tmp: tmp, "Is a directory", id="a-directory"),
        pytest.param(
            lambda tmp: (tmp / "latin1.json").write_bytes(b'{"age": 9, "x": "\xe9"}')
            and tmp / "latin1.json",
            "cannot read", id="not-utf-8",
        ),
    ],
)
def test_unreadable_file_is_one_line_and_exit_2(tmp_path, make_path, message):
    status, out, err = run("finderton", make_path(tmp_path))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--answers", "a.json"], id="missing-council"),
        pytest.param(["--council", "essex"], id="missing-answers"),
        pytest.param(["--council", "essex", "--answers", "a.json", "--colour"],
                     id="unknown-option"),
    ],
)
def test_django_argument_errors_are_one_line_and_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exit_:
        call_command("suggest_routes", *args)
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("suggest_routes: ")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--council", "essex", "--answers", "/nonexistent/answers.json"],
                     id="missing-file"),
        pytest.param(["--council", "essex"], id="missing-argument"),
    ],
)
def test_from_the_command_line_bad_input_exits_2_without_a_traceback(args):
    manage = Path(settings.BASE_DIR) / "manage.py"
    done = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(manage), "suggest_routes", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
