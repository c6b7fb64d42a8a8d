"""A language is data: adding a folder of texts adds it, with no change to the code."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from krachtwerk.demos import load_demo
from krachtwerk.languages import available
from krachtwerk.model import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def test_the_languages_are_the_folders_of_texts_dutch_first() -> None:
    assert available() == LANGUAGES
    assert LANGUAGES[0] == "nl"
    assert set(LANGUAGES) == {"nl", "en"}


@pytest.mark.parametrize(
    ("source", "texts", "title", "field"),
    [
        ("en", "pdf.toml", "My compass", "language"),  # a language of the screens and the page
        ("tr", "page.toml", "Pusulam", "page_language"),  # a language of the page only
    ],
)
def test_a_language_added_as_a_folder_works_end_to_end(
    tmp_path: Path, source: str, texts: str, title: str, field: str
) -> None:
    """A copy of the package with content/xx (another language's texts, renamed): the file
    contract accepts it, the command line checks it and prints its page in it."""
    copy = tmp_path / "app"
    shutil.copytree(
        ROOT / "krachtwerk", copy / "krachtwerk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "assets", copy / "assets")
    xx = copy / "krachtwerk" / "content" / "xx"
    shutil.copytree(copy / "krachtwerk" / "content" / source, xx)
    pdf_texts = xx / texts
    original = pdf_texts.read_text(encoding="utf-8")
    pdf_texts.write_text(original.replace(f'"{title}"', '"Xx kompas"'), encoding="utf-8")
    conversation = load_demo("noor").model_dump(mode="json")
    conversation[field] = "xx"
    conversation["resident"]["name"] = ""  # the page's plain title, not "…'s compass"
    file = tmp_path / "xx.json"
    file.write_text(json.dumps(conversation), encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "krachtwerk", *args],
            cwd=copy,
            capture_output=True,
            text=True,
            timeout=120,
        )

    checked = run("check", str(file))
    assert checked.returncode == 0, checked.stderr
    assert "xx" in checked.stdout
    made = run("pdf", str(file), "-o", str(tmp_path / "xx.pdf"))
    assert made.returncode == 0, made.stderr
    text = PdfReader(tmp_path / "xx.pdf").pages[0].extract_text()
    assert "Xx kompas" in text
    assert run("check", str(ROOT / "krachtwerk" / "demos" / "noor.json")).returncode == 0
