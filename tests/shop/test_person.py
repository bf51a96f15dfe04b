"""A person's timeline as a recorded past reads it: closed phases are their own past."""

from __future__ import annotations

from game.scheduler import Kernel, sleep
from game.scheduler.journal import Ghost, Journal, Past
from game.shop.person import Phase, Timeline


def test_a_phase_closed_by_a_past_tick_is_itself_there_an_open_one_a_ghost() -> None:
    kernel = Kernel()
    journal = Journal(lambda t: int(-(-t // 1)))
    journal.watch(kernel)
    journal.activate()
    timeline = Timeline()
    journal.built()

    async def busy() -> None:
        for label in ("in line", "ordering", "eating"):
            timeline.enter(label, kernel.now)
            await sleep(2)
        timeline.close(kernel.now)

    kernel.spawn(busy())
    kernel.run_until(10.0)
    first, second, third = timeline.phases
    past = Past(journal, 3, 3.0)  # "in line" closed at 2, "ordering" open until 4
    assert past.of(first) is first
    ghost = past.of(second)
    assert type(ghost) is Ghost and isinstance(ghost, Phase)
    assert (ghost.label, ghost.start, ghost.end) == ("ordering", 2.0, None)
    assert second.end == 4.0  # the live phase went on
    assert [p.label for p in past.of(timeline).phases] == ["in line", "ordering"]
    assert past.of(timeline).between(0.0, 3.0) == {"in line": 2.0, "ordering": 1.0}
    later = Past(journal, 5, 5.0)
    assert later.of(third) is not third and later.of(third).end is None  # open at 5
    assert Past(journal, 6, 6.0).of(third) is third  # closed at 6: itself from tick 6 on
