"""Fuzz the policy and profile loaders (``decide/yamlfile.py``, ``policy.py``, ``profile.py``).

A policy pack is written by a person and read by ``redline policy check``, ``serve`` and every
batch job: whatever the file holds, the loader answers with a valid model or a ``ConfigError``
naming the file and the line, never another exception (a traceback tells the person nothing and,
in the service, is a 500). Inputs: the shipped packs and profiles mutated line by line, YAML
corners (``corpus/policy/yaml-corners.yaml``, one construct a line, spliced into the packs), deep
nesting, aliases, and YAML dumped from random data shaped like a pack.
"""

from __future__ import annotations

import time

import yaml
from hypothesis import strategies as st

from redline.decide.policy import Policy
from redline.decide.yamlfile import parse_model
from redline.enforce.profile import Profile
from redline.errors import ConfigError
from tests.fuzz.harness import Target, corpus, fuzz

PACKS = {p.name: p.read_text(encoding="utf-8") for p in corpus("policy") if p.suffix == ".yaml"}
CORNERS = [
    line
    for line in PACKS.pop("yaml-corners.yaml").splitlines()
    if line.strip() and not line.startswith("#")
]
KEYS = ["id", "version", "effective", "title", "appeal", "facts", "rules", "trigger", "kinds",
        "types", "count", "min_score", "severity", "exceptions", "dsa_category", "cue_window",
        "responses", "ladder", "at", "days", "state", "strikes", "weights", "expire_days",
        "rule_weights", "actions", "rules", "strikes_at_least", "pending_review", "line 2: x",
        "line x", "text", "with_any", "on_detector_failure"]  # fmt: skip
SCALARS = ["2026-12-05", "2026-13-45", "2026-02-30", "0", "-1", "1e400", "2.5", "true", "null",
           "~", "pii", "US_SSN", "high", "suspend", "ban", "[]", "{}", "''", "99999999999999999999",
           "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "review", ".nan",
           "!!binary aGk=", "*a", "&a x", "0x1F", "0o17", "1_000"]  # fmt: skip


@st.composite
def mutated_pack(draw: st.DrawFn) -> str:
    """A shipped pack or profile with a few lines deleted, duplicated, replaced or re-indented."""
    lines = draw(st.sampled_from(sorted(PACKS.values()))).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 6))
        if how == 0:
            del lines[i]
        elif how == 1:
            lines.insert(i, lines[i])
        elif how == 2:
            lines.insert(i, draw(st.sampled_from(CORNERS)))
        elif how == 3:
            indent = " " * draw(st.integers(0, 6))
            lines[i] = indent + lines[i].lstrip()
        elif how == 4 and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(SCALARS) | st.text(max_size=6))}"
        elif how == 5:
            lines[i] = f"{lines[i][: len(lines[i]) // 2]}{draw(st.text(max_size=4))}"
        else:
            lines = lines[:i]
    return "\n".join(lines)


data = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=10)
    | st.dates()
    | st.sampled_from(SCALARS),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=30,
)
MAX_SECONDS = 5.0  # CPU: the default pack loads in ~10 ms, PyYAML gives up on deep nesting in ~1 s
dumped = st.dictionaries(st.sampled_from(KEYS), data, min_size=1, max_size=8).map(
    lambda value: yaml.safe_dump(value, allow_unicode=True)
)
nested = st.builds(
    lambda depth, opener, closer: "rules: " + opener * depth + closer * depth,
    st.integers(1, 5000),
    st.sampled_from(["[", "{a: ", "- ", "[{x: "]),
    st.sampled_from(["]", "}", "", "}]"]),
)
aliases = st.integers(1, 12).map(  # "billion laughs": each level names the one before ten times
    lambda levels: (
        "a0: &a0 [x]\n"
        + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, levels))
        + "id: x\n"
    )
)
policy_text = (
    mutated_pack()
    | dumped
    | nested
    | aliases
    | st.lists(st.sampled_from(CORNERS), min_size=1, max_size=5).map("\n".join)
    | st.text(max_size=80)
)


def _check(text: str, model: type[Policy] | type[Profile]) -> None:
    began = time.thread_time()
    try:
        loaded = parse_model(text, model, "fuzz.yaml")
    except ConfigError as error:
        assert str(error).startswith("fuzz.yaml"), str(error)
    else:
        assert isinstance(loaded, model)
    assert time.thread_time() - began < MAX_SECONDS, ("slow to load", text[:200])


def check_policy(text: str) -> None:
    """A Policy or a ConfigError, within a few seconds of CPU; nothing else escapes."""
    _check(text, Policy)


def check_profile(text: str) -> None:
    """A Profile or a ConfigError, within a few seconds of CPU; nothing else escapes."""
    _check(text, Profile)


POLICY = Target("policy.parse_policy", policy_text, check_policy, batch=50)
PROFILE = Target("policy.parse_profile", policy_text, check_profile, batch=50)


def test_policy_loader_raises_only_config_error() -> None:
    assert fuzz(POLICY) > 0


def test_profile_loader_raises_only_config_error() -> None:
    assert fuzz(PROFILE) > 0
