"""The API's map from the core's field names to JSON pointers into request bodies."""

from __future__ import annotations

from redline.api.fields import pointer, pointer_for, pointer_for_location


def test_domain_fields_point_where_the_body_carries_them() -> None:
    assert pointer_for("rules") == "#/rules"
    assert pointer_for("decisions") == "#/decision_ids"  # the body's own spelling
    assert pointer_for("bank") == "#/name"
    assert pointer_for("files.3.data_base64") == "#/files/3/data_base64"
    assert pointer_for("body") == "#"


def test_fields_the_body_does_not_carry_get_no_pointer() -> None:
    assert pointer_for(None) is None
    assert pointer_for("attributes") is None  # a CLI-only input
    assert pointer_for_location(("path", "account_id")) is None
    assert pointer_for_location(("query", "limit")) is None


def test_locations_and_escaping() -> None:
    assert pointer_for_location(("body", "items", 3, "text")) == "#/items/3/text"
    assert pointer_for_location(("body",)) == "#"
    assert pointer(["a/b", "c~d"]) == "#/a~1b/c~0d"
