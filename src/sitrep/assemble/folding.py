"""Document-level clean-up of drafts: later sentences retelling an incident fold into it, figures told apart
join their event, and old background events give way to the news."""

from __future__ import annotations

import datetime as dt
import re
from bisect import insort
from collections.abc import Sequence

from ..model import DatePrecision, Event, EventDate, Mention, Place, PlacePrecision
from ..resolve.wording import says_any
from .context import Context
from .dates import date_for
from .draft import Draft, DraftPlaces, add_casualties

# A coarse-dated event ending this many days before publication is background (see drop_background).
BACKGROUND_DAYS = 30
# A retelling dated up to this many days before the lead's publication date gives the lead its day.
RETOLD_DAYS_BEFORE = 3
# Words that announce another incident in the same report.
SEPARATE_INCIDENT = frozenset({"separate", "separately", "another", "elsewhere", "meanwhile", "a second", "later that"})
# A sentence opening with this tells of an incident before the one just told ("Earlier, gunmen ...").
EARLIER_INCIDENT = re.compile(r"^\W*(?:earlier|previously|before that)\b", re.IGNORECASE)
# "The attack came two days after three civilians were killed": what follows "after" is an earlier incident.
CAME_AFTER = re.compile(
    r"\b(?:came|comes|happened|followed)\s+(?:just\s+|only\s+)?(?:\w+\s+)?(?:hours?|days?|weeks?)\s+after\b",
    re.IGNORECASE,
)


def drop_background(ctx: Context, events: list[Event]) -> list[Event]:
    """A violent event dated only by month or year, ending a month or more before publication, is background.

    "The insurgency has killed more than 13,000 people since 2014" gives context to the news; it is
    not the news. Such events are left out when the report tells something more recent.
    """
    pub = ctx.a.document.published
    if pub is None:
        return events

    def old(e: Event) -> bool:
        d = e.date
        if d is None or d.date is None or d.precision not in (DatePrecision.MONTH, DatePrecision.YEAR):
            return False
        return (pub - (d.end or d.date)).days >= BACKGROUND_DAYS

    recent = [e for e in events if not old(e)]
    return recent if recent else events


def fold_same_incident(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Later sentences retelling the same incident add to it instead of making new events.

    ACLED codes one event per day, place and actor pair; a report's second and third paragraphs
    ("the drone fired two missiles at the car", "two trucks were burnt") usually describe the
    incident of its lead. A violent (or property-destruction) event joins an earlier violent event of
    the same day and the same place (or a place within the other's province), unless its actors
    differ or its sentence says it is another incident.
    """
    kept: list[Draft] = []
    dates: dict[int, EventDate | None] = {}
    # Kept violent drafts by the calendar day of their date, as positions in ``kept``: a draft folds only
    # into one of the same day or (a retelling) of up to RETOLD_DAYS_BEFORE days later, so only those
    # buckets are searched, in kept order, with the same tests as before.
    by_day: dict[dt.date, list[int]] = {}

    def day(d: Draft) -> EventDate | None:
        if id(d) not in dates:
            dates[id(d)] = date_for(ctx, d.sentence, d.trigger, from_lead=False)
        return dates[id(d)]

    for d in drafts:
        target = None
        foldable = d.typed_trigger.kind == "violent" or d.typed_trigger.family == "loot"
        own = day(d) if foldable else None
        if (
            foldable
            and own is not None
            and own.date is not None
            and not another_incident(d.sentence.text)
            and not _told_as_later(ctx, d.trigger)
        ):
            definite = _definite(ctx, d.trigger)
            reach = RETOLD_DAYS_BEFORE if definite and own.raw and own.precision == DatePrecision.DAY else 0
            near: list[int] = []
            for n in range(reach + 1):
                later = _days_after(own.date, n)
                if later is not None:
                    near += by_day.get(later, ())
            near.sort()
            for i in near:
                k = kept[i]
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start != d.sentence.start
                    and _same_day(day(k), day(d))
                    and _same_place(k.place, d.place)
                    and _same_sides(k, d)
                ):
                    target = k
                    break
                if (
                    k.typed_trigger.kind == "violent"
                    and k.sentence.start < d.sentence.start
                    and definite
                    and _dated_later(day(k), day(d))
                    and _same_province(k.place, d.place)
                    and _same_sides(k, d)
                ):
                    # "The coalition said its jets struck ..." then "the raids late on Monday ...": the
                    # retelling gives the day the lead left to the publication date.
                    target = k
                    lead = day(k)
                    assert lead is not None and lead.date is not None  # _dated_later holds
                    by_day[lead.date].remove(i)
                    insort(by_day.setdefault(own.date, []), i)
                    k.date = dates[id(k)] = own
                    break
        if target is None:
            if d.typed_trigger.kind == "violent":
                lead = day(d)
                if lead is not None and lead.date is not None:
                    by_day.setdefault(lead.date, []).append(len(kept))
            kept.append(d)
            continue
        target.extra_triggers += [d.trigger, *d.extra_triggers]
        target.killed += d.killed
        target.wounded += d.wounded
        target.casualty_mentions += d.casualty_mentions
        target.weapons += d.weapons
        if not target.actors:
            target.actors = list(d.actors)
        names = {a.name for a in target.actors + target.recipients}
        target.recipients += [r for r in d.recipients if r.name not in names]
        target.reasons.append(f"retold at {d.trigger.text!r}: the same incident (same day and place)")
        if _finer_within(target.place, d.place):
            assert d.place is not None
            target.place = d.place
            target.reasons.append(f"place from the retelling at {d.trigger.text!r}, which names it more closely")
    return kept


def _finer_within(coarse: Place | None, fine: Place | None) -> bool:
    """ "Six soldiers killed in northern Colombia" retold as "the attack took place in Aguachica": the
    retelling's town lies in the country or province the first telling names, and says where."""
    if coarse is None or fine is None or coarse.precision not in (PlacePrecision.REGION, PlacePrecision.COUNTRY):
        return False
    if fine.precision not in (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN):
        return False
    return _same_place(coarse, fine)


def another_incident(sentence: str) -> bool:
    """The sentence announces an incident other than the one just told."""
    return (
        says_any(sentence, SEPARATE_INCIDENT)
        or EARLIER_INCIDENT.match(sentence) is not None
        or CAME_AFTER.search(sentence) is not None
    )


def _told_as_later(ctx: Context, trig: Mention) -> bool:
    """ "A man was later shot dead on the same day": an incident after the one told, not a retelling of it
    ("minutes later" is the same incident going on)."""
    tok = ctx.token_at(trig.start, trig.end)
    return any(
        c.dep_ == "advmod"
        and c.lower_ in {"later", "subsequently", "afterwards"}
        and not any(g.lemma_.lower() in {"minute", "moment", "second", "instant"} for g in c.children)
        for c in tok.children
    )


def _days_after(date: dt.date, n: int) -> dt.date | None:
    try:
        return date + dt.timedelta(days=n)
    except OverflowError:
        return None


def _definite(ctx: Context, trig: Mention) -> bool:
    """ "The raids", "these strikes": an event noun pointing back at something already told."""
    tok = ctx.token_at(trig.start, trig.end)
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that", "those"} for c in tok.children
    )


def _dated_later(lead: EventDate | None, retold: EventDate | None) -> bool:
    """The lead fell back on the publication date and the retelling states a day just before it."""
    if lead is None or retold is None or lead.date is None or retold.date is None or lead.raw or not retold.raw:
        return False
    return retold.precision == DatePrecision.DAY and 0 <= (lead.date - retold.date).days <= RETOLD_DAYS_BEFORE


def _same_province(a: Place | None, b: Place | None) -> bool:
    return _same_place(a, b) or (
        a is not None and b is not None and bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country
    )


def _same_day(a: EventDate | None, b: EventDate | None) -> bool:
    return a is not None and b is not None and a.date is not None and a.date == b.date and a.precision == b.precision


def _same_place(a: Place | None, b: Place | None) -> bool:
    if b is None:
        return True  # the later sentence names no place: it tells of the same one
    if a is None:
        return False
    if a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid):
        return True
    fine = (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
    if (a.precision in fine) == (b.precision in fine):
        return False
    coarse, town = (b, a) if a.precision in fine else (a, b)
    if coarse.precision == PlacePrecision.REGION:
        return bool(town.admin1) and (town.admin1 == coarse.admin1 or town.admin1 == coarse.name)
    return coarse.precision == PlacePrecision.COUNTRY and town.country is not None and town.country == coarse.country


def _same_sides(a: Draft, b: Draft) -> bool:
    """The later event ``b`` retells ``a`` only if it names no doer or one of ``a``'s doers."""
    doers = [x for x in b.actors if x.sector != "CVL"]  # "the woman detonated explosives": the bomber retold
    if not doers:
        return True
    # Either side of the first event may be the doer of its retelling ("GNA forces attacked; LNA repelled").
    return {x.name for x in doers} <= {x.name for x in a.actors + a.recipients}


def main_place(drafts: list[Draft]) -> Place | None:
    """The place of the first violent event that has one (the story's lead), else of any event."""
    violent = [d for d in drafts if d.typed_trigger.kind == "violent" and d.place is not None]
    placed = violent or [d for d in drafts if d.place is not None]
    return placed[0].place if placed else None


def attach_toll(
    ctx: Context,
    drafts: list[Draft],
    casualties: Sequence[Mention],
    places: Sequence[Mention],
    seen: DraftPlaces | None = None,
) -> None:
    """Figures reported apart from any event word belong to the event of the same place, else the first.

    ``seen`` indexes ``drafts`` by place across calls (the list only grows); without it one is built.
    """
    seen = seen if seen is not None else DraftPlaces()
    seen.update(drafts)
    pool, by_name = (seen.violent, seen.violent_by_name) if seen.violent else (drafts, seen.by_name)
    if not pool or not casualties:
        return
    target = pool[0]
    names = {m.value.name for m in places} | {m.value.disputed for m in places if m.value.disputed}
    for i in sorted({i for name in names for i in by_name.get(name, ())}):  # the drafts of those places, in order
        d = pool[i]
        assert d.place is not None  # indexed by its place
        if d.place.precision in (PlacePrecision.REGION, PlacePrecision.COUNTRY) or target.place is None:
            target = d
            break
        target = d
    add_casualties(target, casualties, reason="figures reported apart from the event word")
