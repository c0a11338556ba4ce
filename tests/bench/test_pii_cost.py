"""The cost bench: every recognizer gets a row, and the figures are sane."""

import json

from bench.pii.cost import format_report, main, recognizer_costs

from redline.detect.pii import default_scanner

TEXTS = [
    "call me at (415) 555-2671 or mail ann@example.com",
    "SSN 123-45-6789, lives at 1520 Oak Ridge Dr",
    "nothing private in this one",
]


def test_every_recognizer_has_a_cost_and_a_gate_share() -> None:
    report = recognizer_costs(TEXTS, repeat=1)
    names = {r.name for r in default_scanner().recognizers}
    assert set(report["recognizers"]) == names
    assert report["records"] == 3
    # the e-mail recognizer's gate passes on the one text with an "@"
    assert report["recognizers"]["email_address"]["runs_share"] == 1 / 3
    assert all(c["us_per_record"] >= 0 for c in report["recognizers"].values())
    assert report["scan_us"] > 0 and report["scan_first_us"] > 0


def test_main_writes_the_table_and_json(tmp_path, capsys) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(TEXTS)),
        encoding="utf-8",
    )
    out = tmp_path / "cost.json"
    assert main(["--corpus", str(corpus), "--repeat", "1", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["records"] == 3 and report["startup_s"] > 0
    printed = capsys.readouterr().out
    assert printed.strip() == format_report(report)
    assert "phone_number" in printed and "start-up" in printed
