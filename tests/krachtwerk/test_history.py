"""The kompas over time: the meetings table, its export, the chart and the words built from it."""

import datetime as dt
import io

import pandas as pd
import plotly.graph_objects as go
from hypothesis import given
from hypothesis import strategies as st

from krachtwerk import history
from krachtwerk.axes import mode_axes
from krachtwerk.content import catalogue
from krachtwerk.demos import load_demo
from krachtwerk.history_chart import history_spec, rows_of
from krachtwerk.model import Conversation, Kompas, Meeting, Review
from krachtwerk.ui.terugblik import changes_in_words, series_in_words

T = catalogue("nl").texts()
DOMAINS = mode_axes("volwassene").ids
QUADRANTS = mode_axes("eenvoudig").ids


def _meeting(day: int, scores: dict[str, int], focus: str | None = None, outcome=None) -> Meeting:
    return Meeting(
        date=dt.date(2026, 1, day),
        kompas=Kompas(scores=scores, focus=focus),
        review=Review(outcome=outcome),
    )


def _dates(conversation: Conversation) -> list[str]:
    return [meeting.date.isoformat() for meeting in conversation.meetings]


def test_every_meeting_and_every_axis_of_its_kind() -> None:
    ria = load_demo("ria")
    table = history.meetings_table(ria)

    assert list(table.columns) == list(history.COLUMNS)
    assert len(table) == len(ria.meetings) * len(DOMAINS)
    assert table["meeting"].tolist() == [n for n in range(1, 5) for _ in DOMAINS]
    assert table["axis"].tolist()[: len(DOMAINS)] == list(DOMAINS)
    for meeting_number, meeting in enumerate(ria.meetings, start=1):
        rows = table[table["meeting"] == meeting_number]
        assert rows["date"].tolist() == [meeting.date] * len(DOMAINS)
        assert dict(zip(rows["axis"], rows["score"], strict=True)) == meeting.kompas.scores
        assert rows.loc[rows["focus"], "axis"].tolist() == [meeting.kompas.focus]


def test_the_outcome_of_a_meeting_is_what_the_next_one_said() -> None:
    ria = load_demo("ria")
    table = history.meetings_table(ria).drop_duplicates("meeting")

    later = [meeting.review.outcome for meeting in ria.meetings[1:]]
    assert table["outcome"].tolist()[:-1] == later
    assert pd.isna(table["outcome"].tolist()[-1])  # nobody has looked back at it yet


def test_a_score_that_was_not_given_stays_empty() -> None:
    conversation = Conversation(meetings=[_meeting(5, {"wonen": 4}), _meeting(19, {"geld": 6})])
    table = history.meetings_table(conversation)

    first = table[table["meeting"] == 1].set_index("axis")["score"]
    assert first["wonen"] == 4
    assert first.drop("wonen").isna().all()
    assert history.scores_over_time(table) == {"wonen": [(1, 4)], "geld": [(2, 6)]}
    assert history.changes(table) == {}


def test_a_mode_change_keeps_each_meeting_in_its_own_axes() -> None:
    """Ten axes in the first meeting, four (eenvoudig) in the second: nothing is converted."""
    conversation = Conversation(
        mode="eenvoudig",
        meetings=[_meeting(5, {"wonen": 4, "geld": 2}), _meeting(19, {"thuis": 6})],
    )
    table = history.meetings_table(conversation)

    assert table[table["meeting"] == 1]["axis"].tolist() == list(DOMAINS)
    assert table[table["meeting"] == 2]["axis"].tolist() == list(QUADRANTS)
    assert history.scores_over_time(table) == {
        "wonen": [(1, 4)],
        "geld": [(1, 2)],
        "thuis": [(2, 6)],
    }
    assert rows_of(table) == ["thuis", "wonen", "geld"]  # the quadrant, then its domains


def test_a_meeting_without_scores_lists_the_axes_of_the_mode() -> None:
    table = history.meetings_table(Conversation(mode="eenvoudig"))

    assert table["axis"].tolist() == list(QUADRANTS)
    assert table["score"].isna().all()
    assert history.scores_over_time(table) == {}


def test_one_meeting_only() -> None:
    noor = load_demo("noor")
    table = history.meetings_table(noor)

    assert set(table["meeting"]) == {1}
    assert history.changes(table) == {}
    assert changes_in_words(T, table) == T("terugblik.nothing_yet")


def test_fifty_meetings() -> None:
    meetings = [_meeting(1 + n % 28, {"wonen": n % 11, "geld": 10 - n % 11}) for n in range(50)]
    table = history.meetings_table(Conversation(meetings=meetings))

    assert table["meeting"].nunique() == 50
    points = history.scores_over_time(table)
    assert [meeting for meeting, _ in points["wonen"]] == list(range(1, 51))
    assert history.changes(table) == {"wonen": (0, 49 % 11), "geld": (10, 10 - 49 % 11)}


def test_the_export_round_trips_through_pandas_with_exactly_its_columns() -> None:
    ria = load_demo("ria")
    table = history.meetings_table(ria)
    data = history.export_csv(table)

    assert data.decode("utf-8").splitlines()[0] == ",".join(history.EXPORT_COLUMNS)
    back = pd.read_csv(io.BytesIO(data), dtype={"score": "Int64"}, keep_default_na=True)
    assert list(back.columns) == list(history.EXPORT_COLUMNS)
    assert back["date"].tolist() == [d.isoformat() for d in table["date"]]  # ISO dates
    assert back["score"].tolist() == table["score"].tolist()
    assert back["focus"].tolist() == table["focus"].tolist()


def test_the_export_holds_no_names_nor_any_resident_text() -> None:
    ria = load_demo("ria")
    text = history.export_csv(history.meetings_table(ria)).decode("utf-8")
    filename = history.export_filename(ria)

    for name in (ria.resident.name, ria.professional.name, "Els", "Daan"):
        assert name not in text and name not in filename
    for meeting in ria.meetings:
        assert meeting.action.what not in text
    assert filename == "krachtkompas-scores-2026-06-15.csv"


def test_an_empty_score_is_an_empty_cell() -> None:
    conversation = Conversation(meetings=[_meeting(5, {"wonen": 4})])
    lines = history.export_csv(history.meetings_table(conversation)).decode().splitlines()

    assert "1,2026-01-05,wonen,thuis,4,False," in lines
    assert "1,2026-01-05,geld,thuis,,False," in lines


# --- the chart and the words --------------------------------------------------------------------


def _trace(spec: dict, axis: str) -> dict:
    label = T(f"domains.{axis}.label")
    return next(trace for trace in spec["data"] if trace["name"] == label)


def test_the_chart_has_a_line_per_scored_axis_with_gaps_never_invented_scores() -> None:
    conversation = Conversation(
        meetings=[
            _meeting(5, {"wonen": 4}),
            _meeting(12, {"geld": 5}),
            _meeting(19, {"wonen": 6}, focus="wonen"),
        ]
    )
    table = history.meetings_table(conversation)
    spec = history_spec(T, table, _dates(conversation))

    assert len(spec["data"]) == 2
    wonen = _trace(spec, "wonen")
    assert wonen["x"] == [1, 2, 3]
    assert wonen["y"] == [4, None, 6]
    assert wonen["connectgaps"] is False
    assert wonen["line"]["width"] > _trace(spec, "geld")["line"]["width"]  # the focus
    said = [a["text"] for a in spec["layout"]["annotations"]]
    assert "<b>4 → 6</b>" in said and "<b>5</b>" in said


def test_the_chart_is_what_plotly_validation_makes_of_it() -> None:
    ria = load_demo("ria")
    spec = history_spec(T, history.meetings_table(ria), _dates(ria))

    validated = go.Figure(spec).to_dict()
    assert validated["data"] == spec["data"]
    for key, value in spec["layout"].items():
        assert validated["layout"][key] == value, key


@given(
    st.lists(
        st.dictionaries(st.sampled_from(DOMAINS), st.integers(0, 10), max_size=4),
        min_size=1,
        max_size=12,
    )
)
def test_any_scores_give_a_chart_of_exactly_the_given_points(scores: list[dict[str, int]]) -> None:
    conversation = Conversation(meetings=[_meeting(1 + n, s) for n, s in enumerate(scores)])
    spec = history_spec(T, history.meetings_table(conversation), _dates(conversation))

    shown = {
        (trace["name"], x, y)
        for trace in spec["data"]
        for x, y in zip(trace["x"], trace["y"], strict=True)
        if y is not None
    }
    expected = {
        (T(f"domains.{axis}.label"), n, value)
        for n, meeting in enumerate(scores, start=1)
        for axis, value in meeting.items()
    }
    assert shown == expected


def test_the_words_say_what_went_up_and_every_score_in_order() -> None:
    scores = [{"wonen": 3, "geld": 6}, {"wonen": 5, "geld": 4}, {"wonen": 6, "geld": 4}]
    conversation = Conversation(meetings=[_meeting(5 + 7 * n, s) for n, s in enumerate(scores)])
    table = history.meetings_table(conversation)

    words = changes_in_words(T, table)
    assert f"**{T('terugblik.went_up')}**: Wonen (3 → 6)" in words
    assert f"**{T('terugblik.went_down')}**: Geld en papieren (6 → 4)" in words
    assert series_in_words(T, table).splitlines() == [
        "- Wonen: 3 → 5 → 6",
        "- Geld en papieren: 6 → 4 → 4",
    ]


def test_a_long_series_is_said_as_its_start_and_its_end() -> None:
    meetings = [_meeting(1 + n, {"wonen": n}) for n in range(10)]
    table = history.meetings_table(Conversation(meetings=meetings))

    assert series_in_words(T, table) == "- Wonen: 0 → 1 → 2 → … → 7 → 8 → 9"


def test_the_page_says_how_the_focus_moved_since_last_time() -> None:
    ria = load_demo("ria")
    focus = ria.current.kompas.focus
    before, now = ria.meetings[-2].kompas.scores[focus], ria.current.kompas.scores[focus]
    said = T("pdf.change", before=before, now=now)

    assert said in _page_text(ria)
    ria.meetings[-2].kompas.scores.pop(focus)  # no score last time: nothing to compare
    assert T("pdf.change", before=before, now=now) not in _page_text(ria)


def _page_text(conversation: Conversation) -> str:
    from pypdf import PdfReader

    from krachtwerk.pdf import render_pdf

    reader = PdfReader(io.BytesIO(render_pdf(conversation)))
    return " ".join(reader.pages[0].extract_text().split())
