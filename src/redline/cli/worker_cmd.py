"""``redline worker``: decide content records from a NATS JetStream stream; publish records to it.

``redline worker --nats URL --stream NAME`` runs until SIGTERM or Ctrl-C, on the same pipeline,
store and settings as ``redline moderate`` (and the same ``--profile``, ``--policy``,
``--source``). ``publish`` puts a JSONL file on the stream, each record on its author's partition;
``dead`` lists what was parked on the dead-letter subject and why. docs/scaling.md has the design.

Stream records are read exactly as ``moderate`` reads a line (``cli.jsonl``): the reader is handed
to the worker (``scale`` sits below the edges and does not import them). The NATS client is an
optional extra (``redline[scale]``), imported only when one of these commands runs, so ``redline
--help`` and every other command work without it.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redline.cli import config
from redline.cli.io import open_input
from redline.cli.jsonl import BadLine, json_line, read_records, to_content
from redline.cli.moderate_cmd import load_source
from redline.cli.returncode import ReturnCode
from redline.cli.store import opened_store
from redline.content import Content
from redline.decide.policy import load_policy
from redline.enforce.profile import load_profile
from redline.errors import ConfigError, RecordRefused
from redline.pipeline import Moderator, default_sources
from redline.record.secrets import hash_key
from redline.review.rulebook import Rulebook
from redline.scale.handler import Decoder, Handler
from redline.scale.partitions import MAX_PARTITIONS

if TYPE_CHECKING:
    from redline.scale.publish import Outgoing

DEFAULT_NATS = "nats://127.0.0.1:4222"


def require_nats() -> None:
    """Refuse clearly when the NATS client (the ``scale`` extra) is not installed."""
    try:
        import nats  # noqa: F401
    except ImportError:
        raise ConfigError(
            "the stream commands need the NATS client: pip install 'redline[scale]'"
        ) from None


worker_app = typer.Typer(
    help="Stream workers on NATS JetStream: decide records from a stream, publish records to it.",
    invoke_without_command=True,
)

NatsOption = Annotated[str, typer.Option("--nats", help="NATS server URL.")]
StreamOption = Annotated[
    str, typer.Option("--stream", help="JetStream stream name (created if missing).")
]
PartitionsOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        max=MAX_PARTITIONS,
        help="Partitions when creating the stream (default 16); an existing stream keeps its own.",
    ),
]


def record_decoder(max_bytes: int) -> Decoder:
    """Read one message as ``moderate`` reads one JSONL line; refusals name the field."""

    def decode(data: bytes) -> Content:
        items = list(read_records(io.BytesIO(data), max_bytes))
        if len(items) != 1:
            raise RecordRefused("a message must hold exactly one JSON record", field="message")
        item = items[0]
        if isinstance(item, BadLine):
            raise RecordRefused(str(item.error).removeprefix("line 1: "), field=item.error.field)
        return to_content(item.record)

    return decode


@worker_app.callback()
def worker(
    context: typer.Context,
    profile: Annotated[
        str, typer.Option(help="Enforcement profile: strict, contain, or a YAML file.")
    ] = "strict",
    nats_url: NatsOption = DEFAULT_NATS,
    stream: StreamOption = "redline",
    partitions: PartitionsOption = None,
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack YAML (default: the shipped default pack).")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option(help="Extra signal source as module:attribute.")
    ] = None,
    ack_wait: Annotated[
        float,
        typer.Option(
            min=1.0, help="Seconds before an unacknowledged message goes to another worker."
        ),
    ] = 30.0,
    max_tries: Annotated[
        int, typer.Option(min=1, help="Deliveries of a failing message before it is dead-lettered.")
    ] = 5,
    retry_delay: Annotated[
        float, typer.Option(min=0.0, help="Seconds before the first retry (doubled each try).")
    ] = 1.0,
    slots: Annotated[int, typer.Option(min=1, help="Messages decided at once by this worker.")] = 1,
) -> None:
    """Decide content records from a JetStream stream until stopped (SIGTERM or Ctrl-C)."""
    if context.invoked_subcommand is not None:
        return
    require_nats()
    from redline.scale.worker import Worker, WorkerOptions

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("redline.scale").setLevel(logging.INFO)
    settings = config.settings()
    pack = load_policy(policy)
    chosen = load_profile(profile)
    extra = [load_source(s) for s in source or []]
    hash_key(settings)
    with opened_store() as store:
        sources = default_sources(settings, store) + extra
        moderator = Moderator(store, pack, chosen, sources, retention=settings.retention)
        handler = Handler(
            moderator,
            Rulebook.serving(pack, chosen),
            record_decoder(settings.max_record_bytes),
            settings.max_record_bytes,
        )
        options = WorkerOptions(
            url=nats_url,
            stream=stream,
            partitions=partitions,
            ack_wait=ack_wait,
            max_tries=max_tries,
            retry_delay=retry_delay,
            slots=slots,
        )
        counts = asyncio.run(Worker(options, handler).run())
    summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items()))
    typer.echo(f"worker stopped: {summary or 'no messages'}", err=True)


def _outgoing(path: str, max_bytes: int, refused: list[str]) -> Iterator[Outgoing]:
    from redline.scale.publish import Outgoing

    with open_input(path) as (stream, _size):
        for item in read_records(stream, max_bytes):
            try:
                if isinstance(item, BadLine):
                    raise item.error
                content = to_content(item.record)
            except RecordRefused as error:
                where = "" if str(error).startswith("line ") else f"line {item.number}: "
                refused.append(f"{where}{error}")
                typer.echo(refused[-1], err=True)
                continue
            payload = json_line(item.record).encode()
            yield Outgoing(content.id, content.author_id, payload)


@worker_app.command("publish")
def publish_cmd(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="JSONL file, or - for stdin.")],
    nats_url: NatsOption = DEFAULT_NATS,
    stream: StreamOption = "redline",
    partitions: PartitionsOption = None,
) -> None:
    """Publish content records to the stream, each on its author's partition."""
    require_nats()
    from redline.scale.publish import publish

    settings = config.settings()
    refused: list[str] = []
    records = _outgoing(input_path, settings.max_record_bytes, refused)
    done = asyncio.run(publish(nats_url, stream, records, partitions))
    typer.echo(
        f"published {done.stored} records to {done.layout.stream} "
        f"({done.layout.partitions} partitions), {done.duplicates} duplicates dropped, "
        f"{len(refused)} refused",
        err=True,
    )
    if refused:
        raise typer.Exit(ReturnCode.INPUT_REFUSED)


@worker_app.command("dead")
def dead_cmd(
    nats_url: NatsOption = DEFAULT_NATS,
    stream: StreamOption = "redline",
    limit: Annotated[int, typer.Option(min=1, help="Most dead letters to list.")] = 1000,
) -> None:
    """List the dead letters of the stream (reason, origin, tries; never the record), as JSONL."""
    require_nats()
    from redline.scale.deadletters import dead_letters

    for letter in asyncio.run(dead_letters(nats_url, stream, limit)):
        typer.echo(json.dumps(letter.to_document()))
