"""Success and error sounds, so an operator hears the outcome without looking up.

Every scan outcome plays its level's tone (:meth:`Sounds.play`, through the screens'
flashes). Playback is best effort: a station without an audio device stays silent and says
so once in the log; the colour flash still shows.

Signals:
    cue(str): "good", "warn" or "bad" was asked for, whether or not a device could play it
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from returndesk.ui.common import multimedia

log = logging.getLogger(__name__)


class Sounds(QObject):
    cue = Signal(str)

    def __init__(self, files: Mapping[str, Path] | None, parent: QObject | None = None) -> None:
        """``files``: the tone files by name (see ``tones.write_files``); None is silence."""
        super().__init__(parent)
        self._files = dict(files or {})
        self._effects: dict[str, Any] | None = None if files else {}
        #: why nothing is heard, for the log and the self-test; None while sounds work
        self.silent_because: str | None = None if files else "sounds are off in settings"

    def good(self) -> None:
        self._play("good")

    def warn(self) -> None:
        self._play("warn")

    def bad(self) -> None:
        self._play("bad")

    def play(self, level: str) -> None:
        """The tone of a feedback level ("good", "warn", "bad"); other levels are silent."""
        if level in ("good", "warn", "bad"):
            self._play(level)

    def _play(self, name: str) -> None:
        self.cue.emit(name)
        if self._effects is None:
            self._effects = self._load()
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()

    def _load(self) -> dict[str, Any]:
        # QtMultimedia loads its backend on first use, not at startup: a station that never
        # beeps (sounds off, tests) never pays for it or sees its device warnings
        qm = multimedia.module()
        if qm is None:
            self.silent_because = f"QtMultimedia cannot be loaded: {multimedia.problem()}"
            log.warning("sounds: %s; the colour flash still shows", self.silent_because)
            return {}
        if not qm.QMediaDevices.audioOutputs():
            self.silent_because = "no audio output device"
            log.info("sounds: no audio output device; the colour flash still shows")
            return {}
        effects = {}
        for name, path in self._files.items():
            effect = qm.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effects[name] = effect
        return effects
