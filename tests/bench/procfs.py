"""CPU time, children and peak memory of processes, read from /proc."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")


def process_family(pid: int) -> list[int]:
    """The process and its descendants."""
    return [pid, *proc_children(pid)]


def proc_children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the peak resident set since start or since reset_peak."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def reset_peak(pid: int) -> None:
    # Linux >= 4.0: "5" resets VmHWM to the current RSS, so that a figure belongs to
    # one measurement rather than to everything the process did before it.
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        pass


def machine_busy() -> tuple[float, float]:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) / CLK_TCK, idle / CLK_TCK


class CpuWindow:
    """CPU use of named process groups over a window, in % of one core; `machine` in %
    of all cores. Groups are re-resolved at each end so pool children count too."""

    def __init__(self, groups: dict[str, Callable[[], list[int]]]) -> None:
        self.groups = groups

    def _sample(self) -> dict[str, float]:
        sample = {name: sum(cpu_seconds(p) for p in pids()) for name, pids in self.groups.items()}
        total, idle = machine_busy()
        sample["_total"], sample["_idle"] = total, idle
        sample["_wall"] = time.monotonic()
        return sample

    def start(self) -> None:
        self._before = self._sample()

    def stop(self) -> dict[str, float]:
        after, before = self._sample(), self._before
        wall = after["_wall"] - before["_wall"]
        result = {name: round(100 * (after[name] - before[name]) / wall, 1) for name in self.groups}
        total = after["_total"] - before["_total"]
        busy = (1 - (after["_idle"] - before["_idle"]) / total) if total else 0.0
        result["machine"] = round(100 * busy, 1)
        # What processes outside the bench used (in % of one core): the machine may be
        # shared, and a figure taken while something else ran is worth less.
        result["others"] = round(
            max(0.0, 100 * busy * (os.cpu_count() or 1) - sum(result[name] for name in self.groups)), 1
        )
        return result
