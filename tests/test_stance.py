"""The stance model: loads from package data offline, predicts clear cases, the FNC-1 split is fixed."""

from __future__ import annotations

import socket

import pytest

from newsprism.stance import StanceModel
from newsprism.stance.features import sentence_spans, tokenize
from newsprism.stance.split import HELDOUT_FRACTION, split_bodies

DENY_BODY = (
    "A video circulating online claims that a shark was seen swimming in a flooded street in Houston. "
    "The footage is fake: it was digitally altered, experts said. The same hoax image has been debunked "
    "several times after earlier hurricanes. There is no evidence that any shark swam in Houston streets."
)
AGREE_BODY = (
    "A shark was filmed swimming in a flooded street in Houston on Sunday, officials confirmed. The shark "
    "was seen near a highway as floodwaters rose after the hurricane. Residents shared the video, which "
    "police verified as authentic."
)
DISCUSS_BODY = (
    "Reports say a shark may have been seen swimming in a flooded street in Houston. The claim has not "
    "been verified, and officials said they were looking into the video. It is unclear where the footage "
    "came from."
)
CLAIM = "Shark swims in flooded Houston street"


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def test_loads_from_package_data_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the stance model must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    m = StanceModel.load()
    assert m.layers[0][0].shape[1] == m.layers[1][0].shape[0]
    assert m.predict(CLAIM, AGREE_BODY)[0] == "asserts"


@pytest.mark.parametrize(
    ("body", "stance"),
    [(AGREE_BODY, "asserts"), (DENY_BODY, "denies"), (DISCUSS_BODY, "discusses")],
)
def test_clear_pairs(model: StanceModel, body: str, stance: str) -> None:
    got, conf, spans = model.predict(CLAIM, body)
    assert got == stance
    assert 0.5 < conf <= 1.0
    assert spans and all("shark" in body[s:e].lower() for s, e in spans)


def test_unrelated_claim(model: StanceModel) -> None:
    stance, conf, spans = model.predict("Apple unveils a foldable iPhone with a titanium hinge", AGREE_BODY)
    assert stance == "unrelated" and conf > 0.9 and spans == []


def test_batch_equals_one_by_one(model: StanceModel) -> None:
    pairs = [(CLAIM, AGREE_BODY), (CLAIM, DENY_BODY), ("Apple unveils an iPhone", DENY_BODY), (CLAIM, "")]
    batch = model.predict_many(pairs)
    single = [model.predict(c, b) for c, b in pairs]
    assert [(s, round(c, 5), e) for s, c, e in batch] == [(s, round(c, 5), e) for s, c, e in single]
    assert batch[3] == ("unrelated", 1.0, [])


def test_sentence_spans_slice_text() -> None:
    text = "  First one. “Second,” he said.\n\nThird line without stop\nFourth? Yes!  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "“Second,” he said.", "Third line without stop",
                                              "Fourth?", "Yes!"]
    assert tokenize("Attacks’ killings") == ["attack", "killing"]


def test_split_is_fixed_and_disjoint() -> None:
    ids = list(range(2500))
    a = split_bodies(ids)
    b = split_bodies(reversed(ids))
    assert a == b
    assert not (a["heldout"] & a["train"]) and not (a["heldout"] & a["valid"]) \
        and not (a["train"] & a["valid"])
    assert a["heldout"] | a["train"] | a["valid"] == set(ids)
    assert len(a["heldout"]) == round(HELDOUT_FRACTION * len(ids))
    assert split_bodies(ids, seed=7)["heldout"] != a["heldout"]
