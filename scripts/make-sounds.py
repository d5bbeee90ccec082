#!/usr/bin/env python3
"""Synthesizes Vantage's alert tones into resources/sounds/<severity>.wav (docs/notifications.md).

One short tone pattern per severity, rising in urgency: the operator tells them apart by ear
without looking. Deterministic (no randomness), python3 standard library only.
Run: python3 scripts/make-sounds.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 16000  # Hz; 16-bit mono keeps every file well under 40 KB
AMPLITUDE = 0.45  # of full scale: alerts should be heard, not startle
FADE_S = 0.006  # ramps at both ends of each note, so notes start and stop without a click
MAX_BYTES = 40 * 1024

# (frequency in Hz, duration in s) per note; a frequency of 0 is a rest.
PATTERNS = {
    "info": [(880, 0.12)],
    "warning": [(660, 0.12), (0, 0.08), (660, 0.12)],
    "error": [(520, 0.11), (0, 0.06), (520, 0.11), (0, 0.06), (520, 0.11)],
    "critical": [(988, 0.13), (784, 0.13), (988, 0.13), (784, 0.13), (0, 0.08), (988, 0.13), (784, 0.18)],
}


def note_samples(frequency, duration):
    count = int(round(duration * RATE))
    fade = int(FADE_S * RATE)
    samples = []
    for i in range(count):
        if frequency == 0:
            samples.append(0)
            continue
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        # A little of the octave above makes the tone carry on small speakers.
        t = i / RATE
        value = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        samples.append(int(round(value / 1.25 * AMPLITUDE * envelope * 32767)))
    return samples


def write_tone(path, pattern):
    samples = []
    for frequency, duration in pattern:
        samples.extend(note_samples(frequency, duration))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack("<%dh" % len(samples), *samples))
    size = path.stat().st_size
    if size >= MAX_BYTES:
        raise SystemExit(f"make-sounds.py: {path.name} is {size} bytes, over {MAX_BYTES}")
    return size


def main():
    out_dir = Path(__file__).resolve().parent.parent / "resources" / "sounds"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, pattern in PATTERNS.items():
        size = write_tone(out_dir / f"{name}.wav", pattern)
        print(f"{name}.wav: {size} bytes")


if __name__ == "__main__":
    main()
