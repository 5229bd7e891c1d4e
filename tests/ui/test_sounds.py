import io
import wave

import pytest

from returndesk.ui.common import tones
from returndesk.ui.common.sounds import Sounds


@pytest.mark.parametrize("segments", [tones.GOOD, tones.BAD])
def test_tones_are_short_valid_wav(segments):
    with wave.open(io.BytesIO(tones.wav_bytes(segments))) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert 0.15 < seconds < 0.4  # heard, and over before the next scan
        frames = wav.readframes(wav.getnframes())
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples) < 32767  # no clipping
    assert samples[0] == 0  # faded in: no click


def test_good_warning_and_refusal_differ_in_pitch_and_rhythm():
    def pitches(segments):
        return {f for f, _ in segments if f}

    def rhythm(segments):
        return [ms for _, ms in segments]

    good, warn, bad = tones.GOOD, tones.WARN, tones.BAD
    # a refusal is lower than anything else; the warning sits between
    assert max(pitches(bad)) < min(pitches(warn)) <= max(pitches(warn)) < min(pitches(good))
    assert len(pitches(good)) == 2  # rising
    assert len(pitches(warn)) == 1  # level
    assert len({tuple(rhythm(t)) for t in (good, warn, bad)}) == 3
    assert len({tones.wav_bytes(t) for t in (good, warn, bad)}) == 3


def test_tone_files_are_written_once(tmp_path):
    paths = tones.write_files(tmp_path / "sounds")
    assert set(paths) == {"good", "warn", "bad"}
    before = paths["good"].stat().st_mtime_ns
    tones.write_files(tmp_path / "sounds")
    assert paths["good"].stat().st_mtime_ns == before


def test_sounds_off_is_silent_but_still_cues(qtbot):
    sounds = Sounds(None)
    with qtbot.waitSignal(sounds.cue) as blocker:
        sounds.bad()
    assert blocker.args == ["bad"]
    assert sounds.silent_because == "sounds are off in settings"


# the multimedia backend warns about the missing VA-API and PulseAudio on this machine
@pytest.mark.qt_log_ignore(r".*")
def test_a_station_without_an_audio_device_stays_silent(qtbot, tmp_path, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    sounds = Sounds(tones.write_files(tmp_path))
    sounds.good()
    sounds.bad()
    assert sounds.silent_because == "no audio output device"


@pytest.mark.qt_log_ignore(r".*")
def test_with_a_device_each_tone_gets_its_player(qtbot, tmp_path, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    files = tones.write_files(tmp_path)
    sounds = Sounds(files)
    sounds.good()  # plays where a device exists; fails quietly here
    players = sounds.findChildren(QSoundEffect)
    assert sorted(p.source().toLocalFile() for p in players) == sorted(
        str(p) for p in files.values()
    )
    assert sounds.silent_because is None
