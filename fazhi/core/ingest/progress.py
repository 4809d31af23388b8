"""Progress reporting: phases mapped onto 0..PROGRESS_TOTAL, long SQL polled while it runs.

The callback is always called on the importing thread (web code may touch
its own database in it); a statement runs on a worker thread meanwhile and
DuckDB's ``query_progress()`` tells how far it got.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

import duckdb

PROGRESS_TOTAL = 1000
POLL_SECONDS = 0.1
# Share of the bar per phase, by file kind: (start, end) in units of PROGRESS_TOTAL.
PHASES = {
    "csv": {"read": (0, 150), "load": (150, 350), "validate": (350, 600), "land": (600, 990)},
    "excel": {"read": (0, 550), "load": (550, 650), "validate": (650, 780), "land": (780, 990)},
}

ProgressFn = Callable[[int, int], None]


class Progress:
    def __init__(self, callback: ProgressFn | None, kind: str = "csv"):
        self.callback = callback
        self.kind = kind
        self.done = -1
        self.span = (0, 0)

    def phase(self, name: str) -> None:
        self.span = PHASES[self.kind][name]
        self.report(self.span[0])

    def fraction(self, value: float) -> None:
        lo, hi = self.span
        self.report(lo + (hi - lo) * min(max(value, 0.0), 1.0))

    def report(self, value: float) -> None:
        step = int(value)
        if self.callback is not None and step > self.done:
            self.done = step
            self.callback(step, PROGRESS_TOTAL)

    def finish(self) -> None:
        self.report(PROGRESS_TOTAL)

    def run(self, con: duckdb.DuckDBPyConnection, sql: str, params: Any = None,
            part: tuple[float, float] = (0.0, 1.0)) -> duckdb.DuckDBPyConnection:
        """Execute ``sql``; while it runs, report DuckDB's progress within ``part`` of the current phase."""
        if self.callback is None:
            return con.execute(sql, params)
        outcome: dict[str, Any] = {}
        worker = threading.Thread(target=_execute, args=(con, sql, params, outcome), daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(POLL_SECONDS)
                self._poll(con, part)
        except BaseException:
            con.interrupt()
            worker.join()
            raise
        if "error" in outcome:
            raise outcome["error"]
        self.fraction(part[1])
        return outcome["result"]

    def _poll(self, con: duckdb.DuckDBPyConnection, part: tuple[float, float]) -> None:
        percent = con.query_progress()
        if percent >= 0:
            self.fraction(part[0] + (part[1] - part[0]) * percent / 100.0)


def _execute(con, sql, params, outcome) -> None:
    try:
        outcome["result"] = con.execute(sql, params)
    except BaseException as exc:  # handed to the calling thread
        outcome["error"] = exc
