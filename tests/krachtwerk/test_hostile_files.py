"""Hostile conversation files: whatever arrives (upload, command line, browser copy), it is refused
or opened in bounded time, because one session's upload holds the GIL that every session shares.

The bound is on CPU time and generous (a real file opens in about a millisecond); the point is that
nothing grows faster than the size of the file: a regex that backtracked once took 42 s for 64 KB.
"""

from __future__ import annotations

import base64
import codecs
import gzip
import io
import json
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krachtwerk.cli import EXIT_BAD_INPUT, main
from krachtwerk.content import structure
from krachtwerk.conversation_file import (
    MAX_FILE_BYTES,
    MAX_MARKS,
    FileProblem,
    describe,
    read_conversation,
)
from krachtwerk.demos import DEMO_DIR
from tests.properties import examples

LIMIT = MAX_FILE_BYTES
CPU_BOUND_S = 1.0
HEAD = b'{"format": "krachtwerk-kompas", "version": 1, '


def _fill(prefix: bytes, unit: bytes, suffix: bytes = b"", size: int = LIMIT) -> bytes:
    """``unit`` repeated so that the whole file is just within ``size``."""
    count = max(0, (size - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * count + suffix


def _joined(prefix: bytes, unit: bytes, suffix: bytes, size: int = LIMIT) -> bytes:
    count = max(1, (size - len(prefix) - len(suffix)) // (len(unit) + 1))
    return prefix + b",".join([unit] * count) + suffix


def _bomb(kind: str) -> bytes:
    demo = (DEMO_DIR / "wim.json").read_bytes()
    if kind == "gzip":
        return gzip.compress(b" " * 50_000_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gesprek.json", demo + b" " * 20_000_000)
    return out.getvalue()


CORPUS: dict[str, bytes] = {
    # strings: the regex that measured nesting backtracked on these
    "escaped quotes, no closing quote": _fill(b'"', b'\\"'),
    "backslashes only": _fill(b"", b"\\"),
    "quote and backslash, in the header": _fill(HEAD + b'"x": "', b'\\\\"'),
    "unclosed strings": _fill(b"[", b'"a'),
    "escapes of every kind": _fill(HEAD + b'"resident": {"name": "', b"\\u00e9\\n\\t\\/", b'"}}'),
    "lone surrogates": _fill(HEAD + b'"resident": {"name": "', b"\\ud800", b'"}}'),
    "a string of a megabyte": _fill(HEAD + b'"resident": {"name": "', b"a", b'"}}'),
    # structure: deep, wide, many values, many errors
    "deep arrays": _fill(b"", b"["),
    "deep objects": _fill(b"", b'{"a":'),
    "deep, closed": b"[" * (LIMIT // 2) + b"]" * (LIMIT // 2),
    "deep just under the limit, many times": _joined(
        HEAD + b'"x": [', b"[" * 30 + b"]" * 30, b"]}"
    ),
    "values just under the count of commas": b"[" + b"1," * (MAX_MARKS - 10) + b"1]",
    "empty meetings": _joined(HEAD + b'"meetings": [', b"{}", b"]}"),
    "meetings with an unknown field": _joined(HEAD + b'"meetings": [', b'{"x": 1}', b"]}"),
    "many unknown fields": _joined(HEAD + b'"resident": {', b'"k": 1', b"}}"),
    "many numbered unknown fields": HEAD
    + b'"resident": {'
    + b",".join(b'"k%d": 1' % i for i in range(LIMIT // 12))
    + b"}}",
    "the same key again and again": _joined(HEAD + b'"resident": {', b'"name": "a"', b"}}"),
    "many scores out of range": HEAD
    + b'"meetings": [{"kompas": {"scores": {'
    + b",".join(b'"a%d": 99' % i for i in range(LIMIT // 14))
    + b"}}}]}",
    "many feelings": _joined(
        HEAD + b'"meetings": [{"validation": {"feelings": [', b'"moe"', b"]}}]}"
    ),
    "many wrong types": _joined(HEAD + b'"meetings": [', b"[1, 2]", b"]}"),
    # numbers
    "a huge integer": _fill(HEAD + b'"x": ', b"9", b"}"),
    "a huge float": _fill(HEAD + b'"x": 1.', b"0", b"}"),
    "a huge exponent": HEAD + b'"x": 1e' + b"9" * 1000 + b"}",
    "many numbers": _joined(b"[", b"1.5e308", b"]"),
    "NaN and Infinity": _joined(b"[", b"NaN, Infinity, -Infinity", b"]"),
    # encodings
    "UTF-16 with a byte order mark": codecs.BOM_UTF16_LE
    + (DEMO_DIR / "wim.json").read_text("utf-8").encode("utf-16-le"),
    "UTF-32": (DEMO_DIR / "noor.json").read_text("utf-8").encode("utf-32"),
    "overlong UTF-8": _fill(b'"', b"\xc0\xaf"),
    "invalid UTF-8 at the end": (DEMO_DIR / "noor.json").read_bytes() + b"\xff",
    "NUL bytes": _fill(b"", b"\x00"),
    "whitespace only": _fill(b"", b" \t\r\n"),
    "base64 of a conversation": base64.b64encode((DEMO_DIR / "wim.json").read_bytes()),
    # bombs and other files
    "a gzip bomb": _bomb("gzip"),
    "a zip bomb": _bomb("zip"),
    "just over the limit": b" " * (LIMIT + 1),
}


# Odd but valid: JSON lets a key come again (the last one counts), as Python's parser does.
VALID_JSON = {"the same key again and again"}


def _open_timed(data: bytes) -> tuple[str, float]:
    start = time.process_time()
    try:
        read_conversation(data)
        outcome = "opened"
    except FileProblem as problem:
        assert describe(problem) and describe(problem, "en")
        outcome = problem.code
    return outcome, time.process_time() - start


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_hostile_file_is_refused_in_bounded_time(name: str) -> None:
    data = CORPUS[name]
    assert len(data) <= LIMIT + 1 or name.endswith("bomb"), "the corpus stays near the limit"
    outcome, seconds = _open_timed(data)
    assert outcome != "opened" or name in VALID_JSON, f"{name} was opened as a conversation"
    assert seconds < CPU_BOUND_S, f"{name}: {seconds:.2f} s of CPU ({len(data)} bytes)"


def test_the_corpus_is_near_the_size_limit() -> None:
    big = [name for name, data in CORPUS.items() if len(data) > LIMIT * 0.9]
    assert len(big) >= 25


# Fragments of JSON-like text, repeated up to the size limit: repetition is what makes a
# super-linear parser slow, so the property looks for that rather than for random noise.
FRAGMENTS = st.lists(
    st.sampled_from(
        [
            *(b'"', b"\\", b"\\u", b"[", b"]", b"{", b"}", b":", b",", b"a", b"1", b"e", b" "),
            *(b'\\"', b'"a":', b"null", b"true", b"\xc3", b"\xa9", b"\x00"),
        ]
    ),
    min_size=1,
    max_size=8,
).map(b"".join)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"", HEAD, HEAD + b'"meetings": [', HEAD + b'"resident": {"name": "']),
    unit=FRAGMENTS,
    size=st.sampled_from([1_000, 100_000, LIMIT]),
)
def test_repeated_fragments_up_to_the_limit_are_handled_in_bounded_time(
    prefix: bytes, unit: bytes, size: int
) -> None:
    data = _fill(prefix, unit, size=size)
    _, seconds = _open_timed(data)
    assert seconds < CPU_BOUND_S, f"{prefix!r} + {unit!r} repeated: {seconds:.2f} s of CPU"


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(min_size=0, max_size=20_000))
def test_random_bytes_are_handled_in_bounded_time(data: bytes) -> None:
    _, seconds = _open_timed(data)
    assert seconds < CPU_BOUND_S


NOTES = {"now": "n", "past": "p", "wish": "w", "helpers": "h"}


def test_the_fullest_valid_file_still_opens() -> None:
    """The limits on values and nesting never refuse a real conversation at its largest."""
    meeting = {
        "review": {"previous_action": "a" * 5000, "outcome": "deels", "what_helped": "b" * 10},
        "validation": {
            "situation": "s",
            "feelings": [f.id for f in structure().feelings],
            "coping": "c",
        },
        "strengths": {
            "qualities": ["doorzetter"] * 50,
            "domains": {domain: NOTES for domain in _DOMAINS},
        },
        "kompas": {"scores": dict.fromkeys(_DOMAINS, 5), "focus": "wonen"},
        "action": {"what": "w", "shown_strengths": ["a", "b", "c"], "next_meeting": "2027-01-05"},
    }
    data = json.dumps({"format": "krachtwerk-kompas", "version": 1, "meetings": [meeting] * 50})
    assert len(read_conversation(data.encode()).meetings) == 50


_DOMAINS = [
    "lichaam", "gevoel", "zingeving", "gezin", "netwerk",
    "wonen", "geld", "dagelijks", "werk", "vrije_tijd",
]  # fmt: skip


@pytest.mark.parametrize(
    "name", ["escaped quotes, no closing quote", "deep arrays", "empty meetings", "a zip bomb"]
)
def test_the_command_line_refuses_them_with_one_line(
    name: str, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gesprek.json"
    path.write_bytes(CORPUS[name])
    start = time.process_time()
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    assert time.process_time() - start < CPU_BOUND_S
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("krachtwerk: error:")
