"""How long the fridge page takes to make, and how big it is (see bench/README.md).

Run from the repository root: ``.venv/bin/python bench/pdf.py [--runs N]``. Prints Markdown.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import fpdf
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script gets bench/ on sys.path, not the root: find krachtwerk

from krachtwerk.content import structure  # noqa: E402
from krachtwerk.demos import load_demo  # noqa: E402
from krachtwerk.model import MAX_ITEMS, MAX_TEXT, Conversation  # noqa: E402
from krachtwerk.pdf import render_pdf  # noqa: E402
from krachtwerk.photo import prepare_photo  # noqa: E402

FLOOR_FONT = ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf"
PHOTO_SIZE = (4000, 3000)  # 12 megapixels, as a phone shoots it (landscape sensor, EXIF rotated)

# Targets: median ms and KB for the typical page and the page with a photo; typical ÷ floor.
TYPICAL_MS, TYPICAL_KB = 150.0, 200.0
PHOTO_MS, PHOTO_KB = 400.0, 800.0
FLOOR_FACTOR = 3.0


# --- what is measured --------------------------------------------------------------------------


WORDS_TEXT = (
    "oma zaterdag samen bakken afspraak huisarts wijkteam buurvrouw fietsen boodschappen "
    "wandelen rustig slapen school werk vrijwilliger moestuin koffie telefoon bellen brief "
    "gemeente schulden overzicht hulp broer zus neef vriendin kinderen voetbal zwemmen bus "
    "scootmobiel ziekenhuis medicijnen ontbijt kookboek recept verjaardag feest buurthuis "
    "bibliotheek computer formulier aanvraag toeslag huur verhuizen schilderen tekenen muziek "
    "gitaar kerk moskee markt hond uitlaten park bankje zon regen donker licht weekend "
    "dinsdagmiddag donderdagochtend elke week twee keer, met plezier, zonder haast. eerst dan "
    "daarna als het lukt misschien zeker graag liever samen alleen dichtbij ver weg"
)
WORDS = tuple(WORDS_TEXT.split())
# Names mix Latin and Arabic script, so the Arabic fallback font is embedded and shaped too.
NAMES_TEXT = (
    "Fatima فاطمة El Amrani العمراني Youssef يوسف Zahra زهراء Bakker de Vries Mohammed محمد "
    "Aïcha عائشة van den Berg Karim كريم Noor نور Hassan حسن Jansen Leila ليلى"
)
NAMES = tuple(NAMES_TEXT.split())


def words_text(rng: random.Random, pool: tuple[str, ...], length: int) -> str:
    """Exactly ``length`` characters of varied words, in sentences, from a word pool."""
    parts: list[str] = []
    total, sentence = 0, 0
    while total < length:
        word = rng.choice(pool)
        if sentence == 0:
            word = word[:1].upper() + word[1:]
        sentence += 1
        if sentence >= rng.randint(6, 14):
            word, sentence = word.rstrip(",.") + ".", 0
        parts.append(word)
        total += len(word) + 1
    text = " ".join(parts)[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def longest_conversation() -> Conversation:
    """Every text field at the model's limit: the heaviest page a valid file can ask for."""
    rng = random.Random(2026)
    shape = structure()
    domains = [d.id for d in shape.domains]

    def text() -> str:
        return words_text(rng, WORDS, MAX_TEXT)

    def name() -> str:
        return words_text(rng, NAMES, MAX_TEXT)

    def meeting(date: str, previous: bool) -> dict:
        return {
            "date": date,
            "review": {"previous_action": text(), "outcome": "deels", "what_helped": text()},
            "validation": {
                "situation": text(),
                "feelings": [f.id for f in shape.feelings][:MAX_ITEMS],
                "acknowledgement": text(),
                "coping": text(),
            },
            "strengths": {
                "qualities": [text() for _ in range(MAX_ITEMS)],
                "domains": {
                    d: {"now": text(), "past": text(), "wish": text(), "helpers": name()}
                    for d in domains
                },
            },
            "kompas": {
                "scores": {d: (i * 3 + (1 if previous else 4)) % 11 for i, d in enumerate(domains)},
                "focus": "netwerk",
                "why_not_lower": text(),
                "one_step_up": text(),
            },
            "action": {
                "what": text(),
                "when": text(),
                "with_whom": name(),
                "done_when": text(),
                "goal": text(),
                "next_meeting": "2026-03-10",
                # Empty on purpose: then the page picks from all 50 qualities (cleaning every one),
                # which costs more than three chosen strengths.
                "shown_strengths": [],
            },
        }

    return Conversation.model_validate(
        {
            "resident": {"name": name(), "address": "u"},
            "professional": {"name": name(), "contact": text()},
            "language": "nl",
            "mode": "volwassene",
            "meetings": [meeting("2026-01-27", True), meeting("2026-02-10", False)],
        }
    )


def phone_photo() -> bytes:
    """A 12 MP JPEG that looks like a phone's: gradients and grain, rotated by EXIF, with GPS."""
    width, height = PHOTO_SIZE

    def stretch(image: Image.Image) -> Image.Image:
        return image.resize((width, height), Image.Resampling.BICUBIC)

    vertical = stretch(Image.linear_gradient("L"))
    horizontal = stretch(Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90))
    radial = stretch(Image.radial_gradient("L"))
    blotches = stretch(Image.effect_noise((width // 40, height // 40), 60))  # "objects"
    grain = Image.effect_noise((width, height), 12)  # sensor noise: keeps the JPEG honest

    def channel(gradient: Image.Image, flip: Image.Transpose | None) -> Image.Image:
        texture = blotches.transpose(flip) if flip is not None else blotches
        return ImageChops.add(Image.blend(gradient, texture, 0.35), grain, offset=-128)

    image = Image.merge(
        "RGB",
        (
            channel(horizontal, None),
            channel(radial, Image.Transpose.FLIP_LEFT_RIGHT),
            channel(vertical, Image.Transpose.FLIP_TOP_BOTTOM),
        ),
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show, as a phone held upright writes
    exif[0x010F], exif[0x0110] = "Bench", "Phone 12MP"  # Make, Model
    exif.get_ifd(0x8825).update(  # GPS: the kind of data that must never reach the page
        {1: "N", 2: (52.0, 5.0, 30.12), 3: "E", 4: (5.0, 7.0, 12.5), 5: 0, 6: 3.5}
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=92, exif=exif)
    return out.getvalue()


def floor_page() -> bytes:
    """The least any page with an embedded font costs: A4, one TTF, one line, output()."""
    pdf = fpdf.FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font("noto", "", FLOOR_FONT)
    pdf.add_page()
    pdf.set_font("noto", size=12)
    pdf.cell(text="Krachtkompas: één pagina voor op de koelkast")
    return bytes(pdf.output())


# --- timing ------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    times: list[float]  # seconds
    size: int  # bytes of what the step produced

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def p90_ms(self) -> float:
        ordered = sorted(self.times)  # nearest rank: an observed time, defined for any N
        return ordered[math.ceil(0.9 * len(ordered)) - 1] * 1000

    @property
    def kb(self) -> float:
        return self.size / 1024


def timed(step: Callable[[], bytes]) -> tuple[float, bytes]:
    """Seconds one call takes, and what it returned."""
    start = time.perf_counter()
    out = step()
    return time.perf_counter() - start, out


def measure(name: str, runs: int, step: Callable[[], bytes]) -> Result:
    """One warm-up call (the first loads fonts and the catalogue), then ``runs`` timed calls."""
    step()
    times = []
    for _ in range(runs):
        gc.collect()  # start each run clean: the last run's garbage is not billed to this one
        seconds, out = timed(step)
        times.append(seconds)
    return Result(name, times, len(out))


def measure_photo(runs: int, conversation: Conversation, raw: bytes) -> tuple[list[Result], bytes]:
    """End to end as the app and CLI do it: prepare the upload, then render with the result."""
    render_pdf(conversation, prepare_photo(raw))  # warm-up
    prepare_times, render_times = [], []
    for _ in range(runs):
        gc.collect()
        seconds, prepared = timed(functools.partial(prepare_photo, raw))
        prepare_times.append(seconds)
        seconds, page = timed(functools.partial(render_pdf, conversation, prepared))
        render_times.append(seconds)
    total = [a + b for a, b in zip(prepare_times, render_times, strict=True)]
    return [
        Result("3a. photo, end to end (prepare + render)", total, len(page)),
        Result("3b. photo: prepare_photo(raw)", prepare_times, len(prepared)),
        Result("3c. photo: render_pdf(noor, prepared)", render_times, len(page)),
    ], prepared


# --- report ------------------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    rows = [
        "| case | median ms | min ms | p90 ms | max ms | size KB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r.name} | {r.median_ms:.1f} | {min(r.times) * 1000:.1f} | {r.p90_ms:.1f} "
            f"| {max(r.times) * 1000:.1f} | {r.kb:.1f} |"
        )
    return "\n".join(rows)


def targets(typical: Result, photo: Result, floor: Result) -> str:
    checks = [
        ("typical page: median time", typical.median_ms, TYPICAL_MS, "ms"),
        ("typical page: size", typical.kb, TYPICAL_KB, "KB"),
        ("with photo, end to end: median time", photo.median_ms, PHOTO_MS, "ms"),
        ("with photo: size", photo.kb, PHOTO_KB, "KB"),
        (
            "typical page ÷ floor (median time)",
            typical.median_ms / floor.median_ms,
            FLOOR_FACTOR,
            "x",
        ),
    ]
    rows = [
        "| target | measured | limit | measured ÷ limit | result |",
        "|---|---:|---:|---:|---|",
    ]
    for label, value, limit, unit in checks:
        verdict = "PASS" if value < limit else "FALLS SHORT"
        fmt = ".2f" if unit == "x" else ".1f"
        rows.append(
            f"| {label} | {value:{fmt}} {unit} | < {limit:g} {unit} | {value / limit:.2f} "
            f"| {verdict} |"
        )
    return "\n".join(rows)


def machine() -> str:
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"fpdf2 {fpdf.__version__}, Pillow {Image.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per case (default 15)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    noor = load_demo("noor")
    longest = longest_conversation()
    raw = phone_photo()

    typical = measure("1. typical page (demo noor)", args.runs, lambda: render_pdf(noor))
    longest_page = measure(
        f"2. longest page (every field at {MAX_TEXT})", args.runs, lambda: render_pdf(longest)
    )
    photo, prepared = measure_photo(args.runs, noor, raw)
    floor = measure("4. floor: bare fpdf2 page, one TTF", args.runs, floor_page)

    with Image.open(io.BytesIO(prepared)) as image:
        prepared_px = f"{image.width}x{image.height}"
    print(f"Machine: {machine()}")
    print(f"Runs per case: {args.runs}, after one warm-up run. Times in ms, sizes in KB (1024 B).")
    print(
        f"Photo: {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} JPEG q92 with EXIF orientation 6 and GPS, "
        f"{len(raw) / 1024:.0f} KB in; prepared {prepared_px}, {photo[1].kb:.0f} KB."
    )
    print()
    print(table([typical, longest_page, *photo, floor]))
    print()
    print(targets(typical, photo[0], floor))


if __name__ == "__main__":
    main()
