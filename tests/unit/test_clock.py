"""The call timer: exact after long calls, paused time never counts, late reads are right."""

from __future__ import annotations

from interview_tui.clock import FakeClock, MonotonicClock, Stopwatch


def test_a_new_stopwatch_is_stopped_at_zero(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    fake_clock.advance(100)

    assert not stopwatch.running
    assert stopwatch.elapsed() == 0


def test_thirty_simulated_minutes_read_exactly_thirty_minutes(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    for _ in range(30 * 60):
        fake_clock.advance(1)

    assert stopwatch.elapsed() == 1800


def test_paused_time_does_not_count(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    fake_clock.advance(300)
    stopwatch.pause()
    fake_clock.advance(600)

    assert not stopwatch.running
    assert stopwatch.elapsed() == 300

    stopwatch.start()
    fake_clock.advance(45)
    assert stopwatch.elapsed() == 345


def test_toggle_starts_and_pauses(fake_clock):
    stopwatch = Stopwatch(fake_clock)

    assert stopwatch.toggle() is True
    fake_clock.advance(10)
    assert stopwatch.toggle() is False
    fake_clock.advance(10)
    assert stopwatch.toggle() is True
    fake_clock.advance(5)

    assert stopwatch.elapsed() == 15


def test_starting_twice_does_not_restart_the_running_stretch(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    fake_clock.advance(60)
    stopwatch.start()
    fake_clock.advance(60)

    assert stopwatch.elapsed() == 120


def test_pausing_twice_does_not_add_time(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    fake_clock.advance(60)
    stopwatch.pause()
    fake_clock.advance(60)
    stopwatch.pause()

    assert stopwatch.elapsed() == 60


def test_a_late_read_is_still_correct(fake_clock):
    """A tick that fires minutes late still shows the true time: the clock is read, not counted."""
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    fake_clock.advance(1)
    assert stopwatch.elapsed() == 1

    fake_clock.advance(437.25)  # the UI was busy; no reads in between
    assert stopwatch.elapsed() == 438.25


def test_resuming_a_saved_session_continues_from_its_elapsed_time(fake_clock):
    stopwatch = Stopwatch(fake_clock, elapsed=754.5)
    assert stopwatch.elapsed() == 754.5

    stopwatch.start()
    fake_clock.advance(30)
    assert stopwatch.elapsed() == 784.5


def test_reset_while_running_counts_from_the_new_value(fake_clock):
    stopwatch = Stopwatch(fake_clock)
    stopwatch.start()
    fake_clock.advance(100)
    stopwatch.reset(10)
    fake_clock.advance(5)

    assert stopwatch.running
    assert stopwatch.elapsed() == 15


def test_fake_clock_moves_only_when_told():
    clock = FakeClock(start=50)
    assert clock.now() == 50
    clock.advance(2.5)
    assert clock.now() == 52.5


def test_monotonic_clock_never_goes_back():
    clock = MonotonicClock()
    readings = [clock.now() for _ in range(1000)]
    assert readings == sorted(readings)
