"""Two photos for training without a camera: an intact item and one with a red damage mark.

Drawn, not shipped: a folded garment on a grey table, photographed from above. The damaged
one has red tears across it, which the sandbox's simulated AI reads as damage.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1200)


def draw(damaged: bool, seed: int = 7) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - a drawing, the same every time
    image = Image.new("RGB", SIZE, (196, 196, 190))
    pen = ImageDraw.Draw(image)
    for _ in range(400):  # table grain
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        shade = rng.randrange(178, 210)
        pen.line((x, y, x + rng.randrange(40, 160), y), fill=(shade, shade, shade - 6), width=2)
    pen.rounded_rectangle((380, 260, 1220, 940), radius=40, fill=(38, 58, 104))
    for offset in range(300, 940, 36):  # knit ribs
        pen.line((400, offset, 1200, offset), fill=(48, 70, 120), width=6)
    pen.rectangle((560, 260, 1040, 330), fill=(30, 46, 86))  # collar
    if damaged:
        for start in ((520, 420), (760, 600), (880, 460), (600, 760), (540, 600), (820, 800)):
            x, y = start
            points = [(x, y)]
            for _ in range(10):
                x += rng.randrange(14, 30)
                y += rng.randrange(-18, 18)
                points.append((x, y))
            pen.line(points, fill=(214, 24, 30), width=40, joint="curve")
    return image.filter(ImageFilter.GaussianBlur(1.2))


def write_demo_photos(folder: Path) -> dict[str, Path]:
    """``{"intact": path, "damaged": path}``, written once into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, damaged in (("intact", False), ("damaged", True)):
        path = folder / f"demo-{name}.jpg"
        if not path.exists():
            draw(damaged).save(path, "JPEG", quality=88)
        paths[name] = path
    return paths
