"""The live checklist: re-analyse the document shortly after every edit, off the typing path.

Each `changed` signal restarts a short timer, so a burst of edits (typing, nudging) costs one
analysis. Small diagrams are analysed on the GUI thread (a few milliseconds); big ones in a
worker thread, and a result computed for a snapshot that is no longer current is dropped.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from app.analysis import Checklist, analyze
from app.model import Diagram
from app.ui.session import Session

#: quiet time after the last edit of a burst (typing, nudging) before analysing (ms)
DEBOUNCE_MS = 150
#: delay after a lone edit (a drop, a field committed): just enough to merge its echoes
LONE_EDIT_MS = 20
#: diagrams with more nodes than this are analysed in a worker thread
WORKER_THRESHOLD = 500


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""

    done = Signal(int, object)


class _Job(QRunnable):
    """Analyse one snapshot in the thread pool."""

    def __init__(self, generation: int, diagram: Diagram, lang: str, relay: _Relay):
        super().__init__()
        self._generation, self._diagram, self._lang, self._relay = (
            generation, diagram, lang, relay)

    def run(self) -> None:
        try:
            report: Checklist | Exception = analyze(self._diagram, self._lang)
        except Exception as error:  # noqa: BLE001 - a crash in a worker must reach the GUI
            report = error
        try:
            self._relay.done.emit(self._generation, report)
        except RuntimeError:
            pass  # the window closed while this ran: nobody is waiting for the result


class LiveChecklist(QObject):
    """Runs `analyze(session.diagram, lang)` after edits and emits `report_ready(report)`."""

    report_ready = Signal(object)  # app.analysis.Checklist
    failed = Signal(str)  # analysis raised: the message for the status bar

    def __init__(self, session: Session, lang: str = "en", parent: QObject | None = None,
                 *, debounce_ms: int = DEBOUNCE_MS, worker_threshold: int = WORKER_THRESHOLD):
        super().__init__(parent)
        self._session = session
        self._lang = lang
        self._worker_threshold = worker_threshold
        self._generation = 0  # bumped per snapshot, so stale worker results are recognised
        self._delivered = -1  # the generation of the latest report handed out
        self._report = None
        self._debounce_ms = debounce_ms
        self._last_edit = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.run_now)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        session.changed.connect(self.schedule)

    @property
    def report(self):
        """The latest report (None before the first analysis)."""
        return self._report

    @property
    def lang(self) -> str:
        return self._lang

    def set_lang(self, lang: str) -> None:
        """Findings are worded in `lang` from now on; re-analyse at once."""
        if lang != self._lang:
            self._lang = lang
            self.schedule()

    @Slot()
    def schedule(self, *_args) -> None:
        """Analyse soon: at once after a lone edit, after a quiet spell within a burst."""
        self._generation += 1
        now = time.monotonic()
        in_burst = (now - self._last_edit) * 1000 < self._debounce_ms
        self._last_edit = now
        self._timer.setInterval(self._debounce_ms if in_burst else
                                min(LONE_EDIT_MS, self._debounce_ms))
        self._timer.start()

    def is_pending(self) -> bool:
        """An analysis is waiting for its timer or a worker."""
        return self._timer.isActive() or self._generation != self._delivered

    @Slot()
    def run_now(self) -> None:
        """Analyse the current snapshot immediately (or hand it to a worker)."""
        self._timer.stop()
        diagram = self._session.diagram
        generation = self._generation
        if len(diagram.nodes) > self._worker_threshold:
            QThreadPool.globalInstance().start(_Job(generation, diagram, self._lang, self._relay))
            return
        try:
            report: Checklist | Exception = analyze(diagram, self._lang)
        except Exception as error:  # noqa: BLE001 - keep the designer alive, say what broke
            report = error
        self._deliver(generation, report)

    @Slot(int, object)
    def _deliver(self, generation: int, report) -> None:
        if generation != self._generation:
            return  # a newer snapshot exists; its own analysis is on the way
        self._delivered = generation
        if isinstance(report, Exception):
            self.failed.emit(f"{type(report).__name__}: {report}")
            return
        self._report = report
        self.report_ready.emit(report)
