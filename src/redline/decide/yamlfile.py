"""Load a YAML file into a pydantic model, with errors that point at a line.

Policy packs and enforcement profiles are written by people, so a mistake must be reported where
the person can fix it: "strict.yaml, line 14 (ladder.2.days): Input should be greater than 0",
not a pydantic traceback. The YAML is composed once into nodes (which carry marks) and parsed once
into Python data; a pydantic error location is walked down the node tree to the nearest mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from redline.errors import ConfigError

Loc = Sequence[str | int]


class Checked(Protocol):
    """A model with checks pydantic cannot express per field (unique ids across a list)."""

    def problems(self) -> list[tuple[Loc, str]]:
        """Return (location, message) for every cross-field problem; empty when valid."""
        ...


M = TypeVar("M", bound=BaseModel)


class _Loader(yaml.SafeLoader):
    """The safe loader, with a bad date (``2026-13-45``) reported as YAML marked at its line.

    PyYAML's own timestamp constructor raises a bare ``ValueError`` from ``datetime``, which
    carries no line and is no ``YAMLError``.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:  # type: ignore[override]
        """A date or time, or a ``ConstructorError`` naming the line of an impossible one."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"not a valid date or time ({error})", node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _node_at(root: yaml.Node | None, loc: Loc) -> yaml.Node | None:
    """Walk ``loc`` down the composed YAML; stop at the deepest node that exists."""
    node = root
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                    found = value
                    break
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return node
            node = node.value[step]
        else:
            return node
    return node


def _where(source: str, root: yaml.Node | None, loc: Loc) -> str:
    node = _node_at(root, loc)
    dotted = ".".join(str(part) for part in loc) or "(top level)"
    if node is None:
        return f"{source} ({dotted})"
    return f"{source}, line {node.start_mark.line + 1} ({dotted})"


def _duplicate_keys(root: yaml.Node | None, source: str) -> list[str]:
    """Every key written twice in one mapping, as "file, line N: ..." messages.

    YAML loaders keep the last of two equal keys without a word, so a policy that says a rule's
    threshold twice would apply one of them silently; a person reading the file may read the
    other. Policies are versioned and audited: such a file is refused.
    """
    problems: list[tuple[int, str]] = []
    stack = [root] if root is not None else []
    seen_nodes: set[int] = set()  # an alias shares its node: walk each once ("billion laughs")
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        line = key.start_mark.line + 1
                        problems.append(
                            (
                                line,
                                f"{source}, line {line}: key '{key.value}' appears twice"
                                " in one mapping",
                            )
                        )
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return [message for _, message in sorted(problems)]


def parse_model(text: str, model: type[M], source: str) -> M:
    """Validate YAML ``text`` as ``model``; ``source`` names the file in error messages.

    Raises:
        ConfigError: the YAML is malformed, says a key twice in one mapping, or fails validation;
            the message names the file, the line and what is wrong (every problem, one per line).
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader: builds plain data only
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{source}{line}: not valid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{source}: not valid YAML: {error}") from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise ConfigError(f"{source}: not valid YAML: it nests too deeply to be read") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}, line 1: expected a mapping at the top level")
    duplicates = _duplicate_keys(root, source)
    if duplicates:
        raise ConfigError("\n".join(duplicates))
    try:
        value = model.model_validate(data)
    except ValidationError as error:
        lines = [f"{_where(source, root, e['loc'])}: {e['msg']}" for e in error.errors()]
        raise ConfigError("\n".join(lines)) from None
    checker = getattr(value, "problems", None)
    if callable(checker):
        found: list[tuple[Loc, str]] = checker()
        if found:
            raise ConfigError("\n".join(f"{_where(source, root, loc)}: {m}" for loc, m in found))
    return value


def load_model(path: Path, model: type[M]) -> M:
    """Read ``path`` and validate it as ``model`` (see ``parse_model``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error.__class__.__name__}") from None
    return parse_model(text, model, str(path))
