"""The CLI's map from the core's field names to its flags, and the message it prints."""

from __future__ import annotations

from pathlib import Path

import typer

from redline.cli.fields import FLAGS, describe
from redline.cli.main import build_app
from redline.cli.returncode import ReturnCode
from redline.errors import InputError, NotFound
from redline.settings import Settings
from tests.cli.test_moderate import redline


def _spellings() -> set[str]:
    """Every option and argument of every command, as --help shows them."""
    found: set[str] = set()

    def walk(command: object) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for sub in subs.values():
                walk(sub)
            return
        for param in getattr(command, "params", ()):
            found.update(param.opts)
            found.add(param.human_readable_name)

    walk(typer.main.get_command(build_app()))
    return found


def test_every_flag_in_the_map_is_one_a_command_has() -> None:
    spellings = _spellings()
    assert {flag for flag in FLAGS.values() if flag not in spellings} == set()


def test_the_message_names_the_flag_of_a_domain_field() -> None:
    assert describe(InputError("modify needs the rules that stand", field="rules")) == (
        "modify needs the rules that stand (--rule)"
    )
    said = InputError("--name names one entry; give one FILE with it", field="--name")
    assert describe(said) == str(said)  # CLI-raised errors already name their flag
    assert describe(InputError("bad line", field="line")) == "bad line"
    assert describe(NotFound("case", field="case_id")) == "no such case"


def test_an_unknown_id_is_named_by_kind_never_echoed(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", hash_key="test-hash-key-0123456789")
    email = "alice.carver@example.com"
    for args, kind in (
        (("account", "show", email), "account"),
        (("decision", "show", email), "decision"),
        (("case", "show", email), "case"),
    ):
        done = redline(settings, *args)
        assert done.returncode == ReturnCode.NOT_FOUND, done.stderr
        assert done.stderr.strip() == f"error: no such {kind}"
        assert email not in done.stdout + done.stderr
