"""Many sessions at once: pages, previews and photos made in parallel threads never crash the
process, and every result is the one a single thread makes.

Streamlit runs each session's script in a thread of one process; a crash inside a native library
ends every open conversation. The work runs in a child process, beside a busy neighbour process so
the threads interleave as on a loaded server; the test fails if the child dies or a result differs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THREADS = 8
ROUNDS = 3
PREVIEWS = 30  # per thread and round

CHILD = textwrap.dedent(
    """
    import io, sys, threading
    from PIL import Image
    import pillow_heif
    from krachtwerk.demos import demo_names, load_demo
    from krachtwerk.pdf import render_pdf
    from krachtwerk.photo import prepare_photo
    from krachtwerk.preview import page_jpeg, page_png

    threads, rounds, PREVIEWS = map(int, sys.argv[1:4])

    def encoded(format, image, **options):
        out = io.BytesIO()
        if format == "HEIF":
            pillow_heif.from_pillow(image).save(out, quality=70)
        else:
            image.save(out, format=format, **options)
        return out.getvalue()

    gradient = Image.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    turned = Image.Exif()
    turned[0x0112] = 6
    photos = [
        encoded("JPEG", gradient, exif=turned.tobytes()),
        encoded("PNG", gradient.convert("RGBA")),
        encoded("WEBP", gradient),
        encoded("HEIF", gradient.resize((640, 480))),
    ]
    conversations = [load_demo(name) for name in demo_names()]

    def work(index):
        conversation = conversations[index % len(conversations)]
        photo = photos[index % len(photos)]
        prepared = prepare_photo(photo)
        pdf = render_pdf(conversation, prepared)
        # The PDF carries its creation time; its pictures are what must not vary.
        return prepared, page_jpeg(pdf, 600), page_png(pdf, 300)

    # Many small previews: the most time inside PDFium, where the GIL is released.
    pages = [render_pdf(conversation) for conversation in conversations]
    previews = [page_jpeg(pdf, 200) for pdf in pages]
    expected = [work(index) for index in range(threads)]
    problems = []
    start = threading.Barrier(threads)

    def run(index):
        start.wait()
        try:
            for round in range(rounds):
                if work(index) != expected[index]:
                    problems.append(f"thread {index}: a result differs from the serial one")
                for turn in range(PREVIEWS):
                    which = (index + round + turn) % len(pages)
                    if page_jpeg(pages[which], 200) != previews[which]:
                        problems.append(f"thread {index}: a preview differs")
        except Exception as error:
            problems.append(f"thread {index}: {type(error).__name__}: {error}")

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print("\\n".join(problems) or "ok")
    sys.exit(1 if problems else 0)
    """
)


def test_parallel_pages_previews_and_photos_never_crash_and_never_differ() -> None:
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(THREADS), str(ROUNDS), str(PREVIEWS)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        busy.kill()
        busy.wait()
    # A native crash shows as a negative return code (the signal): -11 is SIGSEGV, -5 SIGTRAP.
    assert child.returncode == 0, f"exit {child.returncode}: {child.stdout}{child.stderr[-2000:]}"
    assert child.stdout.strip() == "ok"
