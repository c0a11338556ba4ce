"""The transparency report: figures from the records, the page rendered in a real browser."""

from __future__ import annotations

import json
import os
import shutil
from datetime import timedelta

import pytest

from redline.decide import load_policy
from redline.report import neutrality, transparency
from redline.review import appeals as appeal_service
from redline.review import cases as case_service
from redline.review import requests as request_service
from redline.review.rulebook import shipped_profile
from tests.review.conftest import LOW_ADDRESS, T0, moderate, post

CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by .ci/run


def build_records(store, rulebook) -> dict:
    """Two posts by a journalist (suspended, banned), a reviewed low-confidence post, a denied
    and an upheld appeal, a campaign's request and a government one."""
    first = moderate(store, post("p1", "journalist"), T0)
    second = moderate(store, post("p2", "journalist"), T0 + timedelta(hours=1))
    low = moderate(store, post("low", "u2", LOW_ADDRESS), T0 + timedelta(hours=2))
    moderate(store, post("clean", "u3", "Polls open at 7am."), T0 + timedelta(hours=2))
    case = case_service.open_case(store, low["decision_id"], rulebook=rulebook)
    case_service.decide_case(
        store,
        case.id,
        moderator="mod-a",
        outcome="confirm",
        reason="home address",
        rulebook=rulebook,
        now=T0 + timedelta(hours=6),
    )
    decisions = [first["decision_id"], second["decision_id"]]
    denied = appeal_service.file_appeal(
        store, decisions, author="journalist", statement="reporting", now=T0 + timedelta(hours=3)
    )
    appeal_service.decide_appeal(
        store,
        denied.id,
        moderator="mod-a",
        upheld=False,
        reason="private data",
        rulebook=rulebook,
        now=T0 + timedelta(hours=5),
    )
    upheld = appeal_service.file_appeal(
        store, decisions, author="journalist", statement="newsworthy", now=T0 + timedelta(hours=6)
    )
    appeal_service.decide_appeal(
        store,
        upheld.id,
        moderator="mod-b",
        upheld=True,
        reason="public interest",
        rulebook=rulebook,
        now=T0 + timedelta(hours=16),
    )
    request_service.record_request(
        store,
        requester_type="election_campaign",
        requester="Carver for Senate",
        asked="remove the dossier posts",
        received_at=T0 - timedelta(days=1),
        content_ids=["p1", "p2"],
        recorded_by="desk",
        now=T0,
    )
    government = request_service.record_request(
        store,
        requester_type="government",
        requester="Ministry",
        asked="remove all",
        received_at=T0 + timedelta(hours=1),
        content_ids=["p1"],
        recorded_by="desk",
        now=T0 + timedelta(hours=2),
    )
    request_service.set_request_outcome(
        store, government.id, outcome="no_action", note="not illegal", actor="desk"
    )
    return {"first": first, "second": second, "low": low}


def test_figures_count_decisions_reviews_appeals_and_requests(store, rulebook) -> None:
    build_records(store, rulebook)
    figures = transparency.figures(store, T0 - timedelta(days=2), T0 + timedelta(days=2))
    decisions = figures["decisions"]
    assert decisions["total"] == 4 and decisions["with_violations"] == 3
    assert decisions["by_rule"]["privacy.address.home"] == 3
    assert decisions["by_rule"]["hacked.material"] == 2
    assert decisions["by_action"] == {
        "block_link": 2,
        "remove_content": 2,
        "suspend": 1,
        "ban": 1,
        "limit_visibility": 1,
    }
    assert decisions["by_automation"] == {
        "automated_decision": 4,
        "automated_detection": 4,
        "reviewed_by_a_person": 1,
    }
    # all posted at T0-1h; restricted at T0, T0+1h, T0+2h (pending review) and T0+6h (the case)
    assert decisions["time_to_action"] == {"count": 4, "median_hours": 2.5, "p90_hours": 5.8}
    assert figures["cases"]["by_outcome"] == {"confirm": 1}
    appeals = figures["appeals"]
    assert (appeals["filed"], appeals["upheld"], appeals["denied"]) == (2, 1, 1)
    assert appeals["overturn_rate"] == 0.5
    assert appeals["time_to_outcome"] == {"count": 2, "median_hours": 6.0, "p90_hours": 9.2}
    requests = figures["requests"]
    assert requests["by_requester_type"] == {"election_campaign": 1, "government": 1}
    assert requests["by_type_and_outcome"] == {
        "election_campaign": {"pending": 1},
        "government": {"no_action": 1},
    }
    assert requests["linked_to_decisions"] == 2
    empty = transparency.figures(store, T0 + timedelta(days=30), T0 + timedelta(days=31))
    assert empty["decisions"]["total"] == 0 and empty["appeals"]["overturn_rate"] is None


def test_the_page_renders_its_charts_in_chromium(store, rulebook, tmp_path) -> None:
    if shutil.which("chromium") is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI=true: the browser test must run")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    build_records(store, rulebook)
    figures = transparency.figures(store, None, None)
    groups = {"journalist": "left", "u2": "right", "u3": "right"}
    figures["neutrality"] = {
        "audit": neutrality.audit(store, groups),
        "counterfactual": neutrality.counterfactual(
            store, groups, policy=load_policy(), profile_for=shipped_profile
        ),
    }
    page_path, json_path = transparency.write_report(figures, tmp_path / "out")
    assert json.loads(json_path.read_text()) == json.loads(json.dumps(figures))
    html = page_path.read_text()
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(page_path.as_uri())
            charts = page.locator("svg.chart")
            assert charts.count() >= 8
            for index in range(charts.count()):
                box = charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 30
            bars = page.locator("svg.chart rect.bar")
            drawn = [
                (float(bars.nth(i).get_attribute("data-value")), bars.nth(i).bounding_box())
                for i in range(bars.count())
            ]
            assert len(drawn) >= 15
            for value, box in drawn:
                assert box is not None and box["height"] > 0
                assert (box["width"] > 0) == (value > 0)
            assert page.get_by_text("Decisions by rule broken").count() == 1
            assert page.get_by_text("Violation rate by group (95% CI)").count() == 1
            assert page.get_by_text("Decisions are identical with groups swapped.").count() == 1
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
            if os.environ.get("REDLINE_KEEP_SCREENSHOT"):
                shutil.copy(tmp_path / "report.png", os.environ["REDLINE_KEEP_SCREENSHOT"])
        finally:
            browser.close()
