"""Draw the station's icon: an amber parcel with a return arrow, as PNG (256 px, shipped in
the package for the window and the Linux menu) and a multi-size Windows .ico
(16/24/32/48/64/128/256, beside this file, for the installer and the .exe).

Usage: .venv/bin/python packaging/assets/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
PNG = HERE.parents[1] / "src" / "returndesk" / "icons" / "returndesk.png"
SIZE = 1024  # drawn large, scaled down for each size


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    # rounded dark tile, as the station's theme
    pen.rounded_rectangle((32, 32, SIZE - 32, SIZE - 32), radius=180, fill=(16, 20, 24, 255))
    # the parcel: front, top and the tape
    pen.polygon([(232, 420), (792, 420), (792, 820), (232, 820)], fill=(255, 193, 7, 255))
    pen.polygon([(232, 420), (352, 300), (912, 300), (792, 420)], fill=(255, 213, 79, 255))
    pen.polygon([(792, 420), (912, 300), (912, 700), (792, 820)], fill=(230, 160, 0, 255))
    pen.rectangle((472, 420, 552, 820), fill=(27, 27, 27, 255))
    # the return arrow, white, curving back to the left
    pen.arc((300, 470, 700, 770), start=200, end=360, fill=(255, 255, 255, 255), width=56)
    pen.polygon([(262, 640), (398, 560), (398, 720)], fill=(255, 255, 255, 255))
    return image


def main() -> None:
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(PNG)
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    image.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "returndesk.ico", sizes=sizes)
    print(f"wrote {PNG} and {HERE / 'returndesk.ico'}")


if __name__ == "__main__":
    main()
