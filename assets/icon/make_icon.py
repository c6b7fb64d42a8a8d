"""Draw the app's page icon (the browser tab's favicon): a compass in the app's teal.

Shipped as a file, so no page load asks another host for an icon (a Material icon name as the
page icon made every page load fetch it from Google's font host). Run from the repository root:
``.venv/bin/python assets/icon/make_icon.py``; same input, same bytes out.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 256  # drawn large, saved at 64 px: smooth edges without anti-aliasing by hand
TEAL, PAPER, WARM = (15, 110, 110, 255), (255, 253, 248, 255), (242, 166, 90, 255)


def icon() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=TEAL)
    draw.ellipse((40, 40, SIZE - 40, SIZE - 40), fill=PAPER)
    middle = SIZE / 2
    draw.polygon([(middle, 58), (middle + 26, middle), (middle - 26, middle)], fill=WARM)
    draw.polygon([(middle, SIZE - 58), (middle + 26, middle), (middle - 26, middle)], fill=TEAL)
    draw.ellipse((middle - 12, middle - 12, middle + 12, middle + 12), fill=PAPER)
    return image.resize((64, 64), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    icon().save(HERE / "krachtkompas.png", optimize=True)
