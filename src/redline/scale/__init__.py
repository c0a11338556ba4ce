"""Redline at platform scale: stream workers on NATS JetStream and events out.

* ``partitions``: which subject (and so which durable consumer) carries an author's posts.
* ``stream``: the JetStream stream and consumers a worker and a publisher agree on.
* ``handler``: one message's bytes through the same pipeline as ``redline moderate`` (sync).
* ``worker``: the durable pull consumers, acks after commit, retries, the dead-letter subject.
* ``publish``: content records onto the stream, each on its author's partition.

This package sits between the edges (``cli``, ``api``), which wire it up, and the services it
calls (``pipeline``, ``review``, ``record``). docs/scaling.md explains the design.
"""
