"""QtMultimedia (camera, photo preview, sounds), imported when first used.

It is optional: on Linux it needs PulseAudio's client library and FFmpeg's, and a station
without them must still start and receive. Importing it at start also cost the cold start a
noticeable share; now only a station that beeps or opens a camera pays for it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from types import ModuleType

log = logging.getLogger(__name__)

_lock = threading.Lock()
_loaded: dict[str, ModuleType] = {}
_problems: dict[str, str] = {}


def module(name: str = "QtMultimedia") -> ModuleType | None:
    """``PySide6.<name>`` (QtMultimedia or QtMultimediaWidgets), or None when it cannot be
    loaded; :func:`problem` then says why. Tried once per process."""
    with _lock:
        if name in _loaded:
            return _loaded[name]
        if name in _problems:
            return None
        try:
            loaded = importlib.import_module(f"PySide6.{name}")
        except ImportError as exc:  # a missing shared library is an ImportError too
            _problems[name] = str(exc) or type(exc).__name__
            log.warning("PySide6.%s cannot be loaded: %s", name, _problems[name])
            return None
        _loaded[name] = loaded
        return loaded


def problem(name: str = "QtMultimedia") -> str | None:
    """Why ``name`` could not be loaded (None if it loaded or was not tried)."""
    return _problems.get(name)


def check() -> str | None:
    """Load QtMultimedia (on a worker thread at start, so the banner can say it at once)
    and return why camera and sounds are unavailable, or None."""
    if module() is None:
        return problem()
    return None


def forget() -> None:
    """For tests: try again on the next use."""
    with _lock:
        _loaded.clear()
        _problems.clear()
