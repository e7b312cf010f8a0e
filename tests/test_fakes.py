"""The shared fakes keep to the contracts they stand in for, so a test over a fake still says
something about the real thing: FakeAdvisor has the real Advisor's public methods with the same
signatures, and the attributes the UI reads."""

from __future__ import annotations

import inspect

import pytest

from assistant.engine import Advisor
from assistant.settings import Settings
from assistant.types import StreamEvent
from fakes import FakeAdvisor


def _public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_")}


@pytest.mark.parametrize("method", sorted(_public_methods(FakeAdvisor)))
def test_each_fake_advisor_method_has_the_real_signature(method):
    real = _public_methods(Advisor)
    assert method in real, f"Advisor has no {method}(); drop it from FakeAdvisor"
    assert _public_methods(FakeAdvisor)[method] == real[method], (
        f"FakeAdvisor.{method}{_public_methods(FakeAdvisor)[method]} != "
        f"Advisor.{method}{real[method]}")


def test_the_fake_advisor_fakes_what_the_ui_calls():
    assert {"stream", "ask"} <= set(_public_methods(FakeAdvisor))


def test_the_fake_advisor_has_the_attributes_the_ui_reads(tmp_path):
    settings = Settings(data_dir=tmp_path)
    real, fake = Advisor(settings), FakeAdvisor(settings)
    for name in ("engine_name", "store", "settings"):
        assert hasattr(real, name) and hasattr(fake, name), name
        assert type(getattr(fake, name)) is type(getattr(real, name)), name


def test_the_fake_advisor_streams_like_the_engine(tmp_path):
    events = list(FakeAdvisor(Settings(data_dir=tmp_path), answer="Noted.").stream("q"))
    assert all(isinstance(event, StreamEvent) for event in events)
    assert events[-1].type == "final" and events[-1].result.answer == "Noted."
    assert [e.type for e in events[:-1]] == ["token"]
