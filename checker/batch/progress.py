"""A one-line progress display on a terminal: articles done, partitions, rate.

tqdm and rich are not among the dependencies, and the total is unknown for CMS exports
(they are read lazily), so this is a plain line redrawn in place on a terminal, and a
line every tenth of the work (or every 20 partitions) when stderr is a file or pipe.
"""

from __future__ import annotations

from typing import TextIO

from checker.batch.runner import Progress


class ProgressLine:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.drawn = False
        self.last_step = 0

    def message(self, text: str) -> None:
        self.finish()
        print(text, file=self.stream, flush=True)

    def update(self, p: Progress) -> None:
        rate = p.articles / p.seconds if p.seconds > 0 else 0.0
        if p.total:
            share = min(1.0, p.articles / p.total)
            bar = "#" * int(share * 30)
            head = f"[{bar:<30}] {p.articles:,}/{p.total:,} articles"
            step = int(share * 10)
        else:
            head = f"{p.articles:,} articles"
            step = p.partitions // 20
        text = f"{head}, {p.partitions:,} partitions, {rate:,.1f} articles/s"
        if self.tty:
            print(f"\r{text}\x1b[K", end="", file=self.stream, flush=True)
            self.drawn = True
        elif step > self.last_step:
            self.last_step = step
            print(text, file=self.stream, flush=True)

    def finish(self) -> None:
        if self.drawn:
            print(file=self.stream, flush=True)
            self.drawn = False
