"""``python -m generator check [FILE|-]``: exit codes, output and messages a person can act on."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from eligibility_support import ROOT

from generator.eligibility.cli import main

GOOD = {"skill_level": "senior-worker", "years_since_skill_level": 2, "cumulative_work_years": 4,
        "annual_assessments_passed": True, "occupation": "hangong", "date": "2024-06-01"}


def run(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path, content) -> str:
    path = tmp_path / "profile.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_a_valid_profile_file_exits_0_and_prints_the_result(tmp_path):
    code, out, err = run([write(tmp_path, GOOD)])
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["title"]["highest"] == "assistant"
    assert result["committees"] == ["electromechanical"]
    assert result["errors"] == []


def test_a_dash_reads_standard_input():
    code, out, _ = run(["-"], json.dumps(GOOD))
    assert code == 0 and json.loads(out)["policy_in_force"] is True


def test_no_argument_reads_standard_input():
    code, out, _ = run([], json.dumps(GOOD))
    assert code == 0 and json.loads(out)["date"] == "2024-06-01"


def test_the_output_is_deterministic_compact_json():
    _, first, _ = run(["-"], json.dumps(GOOD))
    _, second, _ = run(["-"], json.dumps(dict(reversed(list(GOOD.items())))))
    assert first == second
    assert first.strip() == json.dumps(json.loads(first), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_negative_years_exit_2_naming_the_field():
    code, out, err = run(["-"], json.dumps({**GOOD, "years_since_skill_level": -1}))
    assert code == 2
    assert "years_since_skill_level" in err and "negative" in err
    assert json.loads(out)["errors"][0]["field"] == "years_since_skill_level"


# One bad answer each: the command exits 2 and its message names the field and what it must be.
BAD_ANSWERS = {
    "absurd-years": ({"cumulative_work_years": 99}, ["cumulative_work_years must be at most 50 years"]),
    "more-years-at-a-level-than-working-years": (
        {"years_since_skill_level": 5},
        ["years_since_skill_level cannot exceed the cumulative working years (cumulative_work_years)"]),
    "non-numeric-years": ({"cumulative_work_years": "four"}, ["cumulative_work_years must be a number"]),
    "unknown-honour": ({"honours": ["olympic-gold"]}, ["honours[0] must be one of:", "china-skill-award"]),
    "unknown-occupation": ({"occupation": "astronaut"}, ["occupation must be the slug of an occupation"]),
    "unknown-level": ({"skill_level": "master"},
                      ["skill_level must be one of: senior-worker, technician, senior-technician"]),
}


@pytest.mark.parametrize(("answer", "words"), BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_a_bad_answer_exits_2_naming_the_field_and_what_it_must_be(answer, words):
    code, _, err = run(["-"], json.dumps({**GOOD, **answer}))
    assert code == 2 and all(w in err for w in words), err


def test_every_error_is_printed_on_its_own_line():
    code, _, err = run(["-"], json.dumps({"skill_level": "master", "cumulative_work_years": -1}))
    assert code == 2
    assert err.splitlines() == [
        "check: skill_level must be one of: senior-worker, technician, senior-technician",
        "check: cumulative_work_years must not be negative",
    ]


def test_text_that_is_not_json_exits_2_with_the_position():
    code, out, err = run(["-"], '{"skill_level": senior-worker}')
    assert code == 2 and out == ""
    assert "not valid JSON" in err and "line 1" in err


def test_nan_is_refused_as_not_json():
    code, _, err = run(["-"], '{"cumulative_work_years": NaN, "annual_assessments_passed": true}')
    assert code == 2 and "NaN is not a JSON number" in err


def test_a_json_value_that_is_not_an_object_exits_2():
    code, _, err = run(["-"], "[1, 2]")
    assert code == 2 and "profile must be a JSON object" in err


def test_a_missing_file_exits_2_naming_it(tmp_path):
    missing = str(tmp_path / "nowhere.json")
    code, _, err = run([missing])
    assert code == 2 and "cannot read the profile from" in err and "nowhere.json" in err


def test_too_many_arguments_exit_2_with_usage():
    code, _, err = run(["a.json", "b.json"])
    assert code == 2 and err.startswith("usage:")


def test_an_unknown_option_exits_2_with_usage():
    code, _, err = run(["--lang"])
    assert code == 2 and err.startswith("usage:")


def test_help_exits_0():
    code, out, _ = run(["--help"])
    assert code == 0 and out.startswith("usage:")


@pytest.mark.parametrize("command", [
    [sys.executable, "-c", "import sys; from generator.eligibility.cli import main; sys.exit(main(sys.argv[1:]))", "-"],
    [sys.executable, "-m", "generator", "check", "-"],
])
def test_the_command_runs_as_a_process(command):
    done = subprocess.run(command, input=json.dumps({**GOOD, "honours": ["x"]}), capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "check: honours[0] must be one of:" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_command_reads_the_data_folder_that_guantong_data_names(tmp_path):
    """One path from data to every engine: the command line reads the model, so GUANTONG_DATA counts."""
    import os
    import shutil

    from bad_data_cases import CASES

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    next(c for c in CASES if c.id == "unknown-committee").mutate(data)
    done = subprocess.run([sys.executable, "-m", "generator", "check", "-"], input=json.dumps(GOOD),
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "GUANTONG_DATA": str(data)})
    assert done.returncode == 1 and done.stdout == ""
    assert f"{data / 'catalogue.yaml'}:" in done.stderr and "Traceback" not in done.stderr
