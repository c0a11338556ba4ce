from __future__ import annotations

import numpy as np
import pytest

from redline.detect.banks import FingerprintConfig
from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.fingerprint import query_grams
from redline.extract.normalize import compact

CONFIG = FingerprintConfig()
FORMULA = "Please route questions to the front office before Friday."


def grams(text: str) -> np.ndarray:
    return np.unique(query_grams(compact(text), CONFIG))


def test_counts_each_text_once_per_k_gram() -> None:
    model = BackgroundModel(CONFIG)
    assert model.learn([FORMULA + " " + FORMULA, FORMULA + " Thanks.", "Nothing alike here."]) == 3
    assert len(model) == 3
    seen = model.frequency(grams(FORMULA))
    # Twice in the first text still counts once; the third text holds none of it.
    assert seen.min() >= 2 and seen.max() <= 2 + 1  # a sketch may only overestimate, and rarely
    assert (model.frequency(grams("zebra quartz juxtapose")) <= 1).all()


def test_a_sketch_never_underestimates() -> None:
    rng = np.random.default_rng(7)
    words = [f"w{i}x" for i in range(400)]
    texts = [" ".join(rng.choice(words, 30)) for _ in range(300)]
    model = BackgroundModel(CONFIG)
    model.learn(texts)
    for text in texts[:20]:
        g = grams(text)
        truth = np.array([sum(h in set(grams(t).tolist()) for t in texts) for h in g[:5].tolist()])
        assert (model.frequency(g[:5]) >= truth).all()


def test_merge_adds_and_round_trips_through_bytes() -> None:
    a, b = BackgroundModel(CONFIG), BackgroundModel(CONFIG)
    a.learn([FORMULA])
    b.learn([FORMULA, FORMULA])
    a.merge(b)
    assert len(a) == 3 and (a.frequency(grams(FORMULA)) >= 3).all()
    back = BackgroundModel.from_bytes(a.to_bytes())
    assert len(back) == 3 and back.version == a.version
    assert (back.counts == a.counts).all()
    assert len(a.to_bytes()) < 200_000  # mostly empty counters compress away


def test_refuses_other_configurations_and_garbage() -> None:
    with pytest.raises(ValueError):
        BackgroundModel(CONFIG).merge(BackgroundModel(FingerprintConfig(k=10)))
    for blob in (b"", b"RLBG", b"nonsense" * 10):
        with pytest.raises(ValueError):
            BackgroundModel.from_bytes(blob)


def test_version_says_what_was_learned() -> None:
    empty = BackgroundModel(CONFIG)
    one = BackgroundModel(CONFIG)
    one.learn([FORMULA])
    other = BackgroundModel(CONFIG)
    other.learn(["Something else entirely, about the weather."])
    assert empty.version == "bg0"
    assert one.version != other.version and one.version.startswith("bg1-")
