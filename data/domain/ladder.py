"""The ladder and ``reach now``: which channel to use for a matter of a given
urgency, with a one-line reason (DESIGN.md "Reach now")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .clock import day_and_month
from .models import Band, Channel, ChannelKind, LadderStep, Recommendation, Rung, Urgency

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


def reaches_today(step: LadderStep) -> bool:
    """Whether a channel can reach the person today: "in person" cannot
    happen within the hour, so it serves routine matters only."""
    return step.channel.kind is not ChannelKind.IN_PERSON


def _undecayed_first(public: list[LadderStep]) -> list[LadderStep]:
    """Public channels with those that stopped getting answers last."""
    return [s for s in public if not s.replies.decayed] + [s for s in public if s.replies.decayed]


def _decay_note(chosen: LadderStep, public: list[LadderStep]) -> str:
    """What the reason says of public channels that stopped getting answers."""
    if chosen.replies.decayed:
        return f", but {chosen.replies.describe()}"
    skipped = [s for s in public if s.replies.decayed and s is not chosen]
    return "".join(f"; {s.channel.describe()}: {s.replies.describe()}" for s in skipped)


def _pick(
    urgency: Urgency,
    relationship: list[LadderStep],
    private: list[LadderStep],
    public: list[LadderStep],
) -> Recommendation:
    public = _undecayed_first(public)
    # What this urgency may not use: the private rung for routine matters,
    # in person for matters that cannot wait.
    if urgency is Urgency.ROUTINE:
        left_out = private
    else:
        # On whichever rung it is kept: a meeting is a meeting.
        left_out = [s for s in (*relationship, *private, *public) if not reaches_today(s)]
        relationship, private, public = (
            [s for s in rung if reaches_today(s)] for rung in (relationship, private, public)
        )

    if step := _first(relationship, _NOT_HOT):
        return _chosen(urgency, step, f"the relationship is {step.heat.band}")
    if urgency is Urgency.URGENT:
        if step := _first(private, _NOT_HOT):
            return _chosen(urgency, step, f"urgent, and the back channel is {step.heat.band}")
        if step := _coolest([s for s in public if not s.replies.decayed]) or _coolest(public):
            why = f"urgent; the coolest public channel ({step.heat.band})"
            return _chosen(urgency, step, why + _decay_note(step, public))
    else:
        if step := _first(public, _NOT_HOT):
            why = f"{step.heat.band}, and public is enough for this"
            return _chosen(urgency, step, why + _decay_note(step, public))
        if urgency is Urgency.IMPORTANT and (step := _first(private, _COOL)):
            others = "public is hot" if public else "no public channel"
            return _chosen(urgency, step, f"important, {others}, and the back channel is cool")
    usable = (
        relationship + public if urgency is Urgency.ROUTINE else relationship + private + public
    )
    return _fallback(urgency, usable, private, bool(left_out))


def _fallback(
    urgency: Urgency, usable: list[LadderStep], private: list[LadderStep], left_out: bool
) -> Recommendation:
    """Nothing qualifies: name the coolest channel this urgency may use
    anyway, and say why; ``left_out`` when the contact has channels it may not use."""
    step = _coolest(usable)
    if step is None:
        if urgency is Urgency.ROUTINE:
            return Recommendation(
                urgency, None, "only a private address, which routine matters never use"
            )
        return Recommendation(
            urgency,
            None,
            f"only in person, which cannot happen today: add a channel for {urgency} matters",
        )
    if step.heat.band is not Band.HOT:
        # Only an important matter gets here with a channel that is not hot:
        # the back channel is warm, and important matters wait for it to cool.
        reason = (
            f"the others are hot, and the back channel is {step.heat.band}, not yet cool; "
            f"coolest now: {step.channel.describe()}"
        )
        return Recommendation(urgency, step.channel, reason)
    if urgency is not Urgency.ROUTINE and private and step.channel.rung is not Rung.PRIVATE:
        spare = _coolest(private)
        assert spare is not None
        note = f"the private address is ready again on {_date(spare)}"
    else:
        note = f"this one is ready again on {_date(step)}"
    # "Every channel" is every channel this urgency may use, and says so
    # when the contact has others it may not.
    every = "the only channel" if len(usable) == 1 else "every channel"
    if left_out:
        article = "an" if urgency is Urgency.IMPORTANT else "a"
        every += f" {article} {urgency} matter may use"
    reason = f"{every} is too hot; {note}; coolest now: {step.channel.describe()}"
    return Recommendation(urgency, step.channel, reason)
