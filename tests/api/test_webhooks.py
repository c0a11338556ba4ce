"""``/v1/webhooks`` and ``/v1/events`` over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

from redline.scale.deliver import Deliverer, DeliveryOptions
from tests.api.conftest import DOXX, api
from tests.scale.receiver import receiver

__all__ = ["api"]


def test_an_admin_registers_a_target_and_reads_events_and_deliveries(api) -> None:
    admin = api.auth("admin")
    with receiver() as (base, got):
        created = api.client.post(
            "/v1/webhooks", json={"url": f"{base}/ok", "events": ["decision.made"]}, headers=admin
        )
        assert created.status_code == 201, created.text
        target = created.json()
        assert target["secret"].startswith("whsec_")
        listed = api.client.get("/v1/webhooks", headers=admin).json()
        assert [t["id"] for t in listed] == [target["id"]] and "secret" not in listed[0]

        sent = api.client.post(
            "/v1/content",
            json={"id": "w1", "author_id": "u1", "text": DOXX},
            headers=api.auth("ingest"),
        )
        assert sent.status_code in (200, 201), sent.text
        events = api.client.get("/v1/events", params={"type": "decision.made"}, headers=admin)
        assert [e["data"]["content_id"] for e in events.json()] == ["w1"]
        assert "6789" not in events.text and "Maple" not in events.text  # masked: not even that

        asyncio.run(Deliverer(api.store, DeliveryOptions()).run(once=True))
        assert [h["webhook-id"] for h, _ in got.on("/ok")] == [events.json()[0]["id"]]
    log = api.client.get("/v1/webhooks/deliveries", params={"status": "delivered"}, headers=admin)
    assert [d["event_id"] for d in log.json()] == [events.json()[0]["id"]]
    audited = api.client.get("/v1/webhooks/deliveries", headers=api.auth("auditor"))
    assert audited.status_code == 200

    bad = api.client.post(
        "/v1/webhooks",
        json={"url": "file:///etc/passwd", "events": ["decision.made"]},
        headers=admin,
    )
    assert bad.status_code in (400, 422) and "http" in bad.text
    refused = api.client.post(
        "/v1/webhooks",
        json={"url": f"{base}/x", "events": ["decision.made"]},
        headers=api.auth("moderator"),
    )
    assert refused.status_code == 403
    assert api.client.delete(f"/v1/webhooks/{target['id']}", headers=admin).status_code == 204
    assert api.client.delete(f"/v1/webhooks/{target['id']}", headers=admin).status_code == 404
    assert api.client.get("/v1/webhooks", headers=admin).json() == []
