"""How long each step of a build takes, written only when the benchmark asks.

With LOCAL_OFFER_STEP_TIMES set to a file, each step appends one JSON line:
its name, and the wall and CPU seconds this process spent in it (summed over
every time the step ran). Without it, nothing is measured or written.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager

ENV = "LOCAL_OFFER_STEP_TIMES"


class StepClock:
    """Wall and CPU seconds per step, summed, written at the end."""

    def __init__(self):
        self.path = os.environ.get(ENV, "")
        self.totals: dict[str, list[float]] = {}
        self.mark: tuple[float, float] | None = None

    def lap(self, step: str | None = None) -> None:
        """The time since the last lap goes to step (none: only start the next lap)."""
        if not self.path:
            return
        now = time.perf_counter(), time.process_time()
        if step and self.mark:
            self.add(step, now[0] - self.mark[0], now[1] - self.mark[1])
        self.mark = now

    @contextmanager
    def step(self, name: str):
        if not self.path:
            yield
            return
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        if self.path:
            total = self.totals.setdefault(name, [0.0, 0.0])
            total[0] += wall
            total[1] += cpu

    def write(self) -> None:
        if self.path and self.totals:
            with open(self.path, "a", encoding="utf-8") as out:
                for name, (wall, cpu) in self.totals.items():
                    out.write(json.dumps({"step": name, "wall": round(wall, 3),
                                          "cpu": round(cpu, 3)}) + "\n")
            self.totals, self.mark = {}, None
