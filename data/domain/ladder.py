"""The ladder and ``reach now``: which channel to use for a matter of a given
urgency, with a one-line reason (DESIGN.md "Reach now")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .clock import day_and_month
from .models import Band, Channel, LadderStep, Recommendation, Rung, Urgency

_RUNG_POSITION = {Rung.RELATIONSHIP: 0, Rung.PRIVATE: 1, Rung.PUBLIC: 2}


def ladder_key(channel: Channel) -> tuple[int, bool, int]:
    """Rung first, then the contact's own preference, then rank."""
    return (_RUNG_POSITION[channel.rung], not channel.their_preference, channel.rank)


def ladder_order(channels: Iterable[Channel]) -> list[Channel]:
    """Active channels in ladder order."""
    return sorted((c for c in channels if c.is_active), key=ladder_key)


def _date(step: LadderStep) -> str:
    ready = step.heat.ready_again_at
    return day_and_month(ready) if ready is not None else "now"


def _on(steps: Sequence[LadderStep], rung: Rung) -> list[LadderStep]:
    return [s for s in steps if s.channel.rung is rung]


def _first(steps: Sequence[LadderStep], allowed: frozenset[Band]) -> LadderStep | None:
    return next((s for s in steps if s.heat.band in allowed), None)


def _coolest(steps: Sequence[LadderStep]) -> LadderStep | None:
    # min() keeps the first of equals, so ladder order breaks ties.
    return min(steps, key=lambda s: s.heat.level, default=None)


def _chosen(urgency: Urgency, step: LadderStep, why: str) -> Recommendation:
    return Recommendation(urgency, step.channel, f"{step.channel.describe()}: {why}")


_NOT_HOT = frozenset({Band.COOL, Band.WARM})
_COOL = frozenset({Band.COOL})


def reach_now(steps: Sequence[LadderStep], urgency: Urgency) -> Recommendation:
    """Pick a channel from a ladder (steps in ladder order, active only)."""
    return reach_now_for_each(steps, (urgency,))[0]


def reach_now_for_each(
    steps: Sequence[LadderStep], urgencies: Iterable[Urgency]
) -> list[Recommendation]:
    """``reach_now`` for each of ``urgencies``, sorting the ladder by rung once."""
    if not steps:
        return [
            Recommendation(urgency, None, "no active channel: add one to reach this person")
            for urgency in urgencies
        ]
    relationship = _on(steps, Rung.RELATIONSHIP)
    private = _on(steps, Rung.PRIVATE)
    public = _on(steps, Rung.PUBLIC)
    return [_pick(urgency, relationship, private, public) for urgency in urgencies]


def _pick(
    urgency: Urgency,
    relationship: list[LadderStep],
    private: list[LadderStep],
    public: list[LadderStep],
) -> Recommendation:
    not_hot = _NOT_HOT

    if step := _first(relationship, not_hot):
        return _chosen(urgency, step, f"the relationship is {step.heat.band}")
    if urgency is Urgency.URGENT:
        if step := _first(private, not_hot):
            return _chosen(urgency, step, f"urgent, and the back channel is {step.heat.band}")
        if step := _coolest(public):
            return _chosen(urgency, step, f"urgent; the coolest public channel ({step.heat.band})")
    else:
        if step := _first(public, not_hot):
            return _chosen(urgency, step, f"{step.heat.band}, and public is enough for this")
        if urgency is Urgency.IMPORTANT and (step := _first(private, _COOL)):
            return _chosen(urgency, step, "important, public is hot, and the back channel is cool")
    return _fallback(urgency, relationship, private, public)


def _fallback(
    urgency: Urgency,
    relationship: list[LadderStep],
    private: list[LadderStep],
    public: list[LadderStep],
) -> Recommendation:
    """Nothing qualifies: name the coolest usable channel anyway, and say why."""
    usable = (
        relationship + public if urgency is Urgency.ROUTINE else relationship + private + public
    )
    step = _coolest(usable)
    if step is None:
        return Recommendation(
            urgency, None, "only a private address, which routine matters never use"
        )
    if urgency is not Urgency.ROUTINE and private and step.channel.rung is not Rung.PRIVATE:
        spare = _coolest(private)
        assert spare is not None
        note = f"the private address is ready again on {_date(spare)}"
    else:
        note = f"this one is ready again on {_date(step)}"
    reason = f"every channel is too hot; {note}; coolest now: {step.channel.describe()}"
    return Recommendation(urgency, step.channel, reason)
