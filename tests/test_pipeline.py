"""The stage contract: registry, order checks, failure policy, batch == one by one."""

from __future__ import annotations

import pytest

from newsprism.errors import PipelineError
from newsprism.model import Analysis, Article, Span
from newsprism.pipeline import ArticleStage, Pipeline, StageFailure, create_stage, register


class Upper(ArticleStage):
    name = "upper"
    requires = ("article",)
    assigns = ("sentences",)

    def __call__(self, item: Analysis) -> Analysis:
        if "boom" in item.text:
            raise RuntimeError("cannot handle boom")
        return self.mark(item,
                         sentences=(Span(start=0, end=len(item.text), label="sentence", stage=self.tag),))


class NeedsQuotes(ArticleStage):
    name = "needs-quotes"
    requires = ("quotes",)


def test_order_is_checked_before_running():
    with pytest.raises(PipelineError, match="requires quotes"):
        Pipeline([NeedsQuotes()])
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([Upper(), Upper()])


def test_unknown_and_duplicate_registration():
    with pytest.raises(PipelineError, match="unknown stage"):
        create_stage("no-such-stage")
    with pytest.raises(PipelineError, match="already registered"):
        register("parse", Upper)


def test_failure_recorded_per_article_and_others_go_on():
    arts = [Article(id="a", text="fine"), Article(id="b", text="boom"), Article(id="c", text="also fine")]
    failures: list[StageFailure] = []
    out = list(Pipeline([Upper()]).run(arts, failures=failures))
    assert [a.id for a in out] == ["a", "b", "c"]
    assert out[0].stages == ("upper.v1",) and out[2].sentences
    assert out[1].errors and "cannot handle boom" in out[1].errors[0]
    assert failures == [StageFailure("b", "upper", "RuntimeError: cannot handle boom")]
    with pytest.raises(RuntimeError):
        list(Pipeline([Upper()]).run(arts, fail_fast=True))


class Verbose(ArticleStage):
    name = "verbose"
    requires = ("article",)
    assigns = ("sentences",)

    def __call__(self, item: Analysis) -> Analysis:
        raise ValueError("the library explains at length\nover lines: " + "why " * 200)


def test_failure_message_is_one_bounded_line(caplog):
    failures: list[StageFailure] = []
    with caplog.at_level("DEBUG", logger="newsprism.pipeline"):
        out = list(Pipeline([Verbose()]).run([Article(id="a", text="text")], failures=failures))
    [f] = failures
    assert f.message.startswith("ValueError: the library explains at length over lines: why why")
    assert "\n" not in f.message and len(f.message) <= 200 and f.message.endswith("…")
    assert out[0].errors == (f"verbose: {f.message}",)
    # the caller collecting failures reports them: the log keeps it below the warning the CLI would repeat
    assert [r.levelname for r in caplog.records] == ["DEBUG"]
    caplog.clear()
    with caplog.at_level("DEBUG", logger="newsprism.pipeline"):
        list(Pipeline([Verbose()]).run([Article(id="a", text="text")]))
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def test_parse_batch_equals_one_by_one(nlp):
    from newsprism.stages.parse import ParseStage

    stage = ParseStage(nlp)
    texts = ["Hamas denied it on Wednesday. Iran said so.", "", "One more sentence here."]
    items = [Analysis(article=Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    batched = list(stage.pipe(items, batch_size=2))
    single = [stage(i) for i in items]
    assert [b.sentences for b in batched] == [s.sentences for s in single]
    assert batched[1].sentences == ()
    for b in batched:
        for s in b.sentences:
            assert b.text[s.start:s.end].strip()
