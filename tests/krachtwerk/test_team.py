"""The page for the Team Kracht Bespreking: anonymous by construction, always one page."""

import dataclasses
import io
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from krachtwerk.content import catalogue
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation, DomainNotes
from krachtwerk.pdf.team import TEAM_FILENAME, render_team_pdf
from krachtwerk.team import (
    BLOCKS,
    NOT_NAMES,
    SERVICES,
    WORD,
    TeamCase,
    anonymise,
    known_names,
    team_case,
)
from tests.properties import examples

T = catalogue("nl").texts()
NAME = T("team.placeholder.name")

# Letters of scripts with capitals (a name starts with one) and of scripts without them.
CASED = {
    "latin": ("ABCDEFGHIJKLMNOPRSTUVWZŁŞÖÉ", "abcdefghijklmnoprstuvwzłşöéëï"),
    "greek": ("ΑΒΓΔΕΖΘΚΛΜΝΞΠΡΣΤΦΧΨΩ", "αβγδεζηθικλμνξοπρστυφχψω"),
    "cyrillic": ("АБВГДЕЖЗИКЛМНОПРСТУФХ", "абвгдежзиклмнопрстуфхцчшщыэюя"),
}
CASELESS = {
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "ethiopic": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
    "han": "王李张刘陈杨黄赵吴周徐孙马朱胡林郭何高罗",
}


@st.composite
def names(draw) -> str:
    if draw(st.booleans()):
        upper, lower = CASED[draw(st.sampled_from(sorted(CASED)))]
        first = draw(st.sampled_from(upper))
        return first + draw(st.text(alphabet=lower, min_size=2, max_size=9))
    letters = CASELESS[draw(st.sampled_from(sorted(CASELESS)))]
    return draw(st.text(alphabet=letters, min_size=3, max_size=6))


def _printed(case: TeamCase) -> str:
    """Every text of the case, as the page would print it."""
    values = []
    for item in dataclasses.astuple(case):
        if isinstance(item, dict):
            values += item.values()
        elif isinstance(item, tuple):
            values += item
        elif isinstance(item, str):
            values.append(item)
    return "\n".join(values)


def _page_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def _with_name_everywhere(name: str, helper: str) -> Conversation:
    """Demo Wim, with a resident's name and a helper's name typed into every free text."""
    wim = load_demo("wim")
    wim.resident.name = name
    wim.professional.name = "Karim"
    for meeting in wim.meetings:
        said = f"Vandaag zei {name} dat {helper} helpt."
        meeting.validation.situation = said
        meeting.validation.coping = said
        meeting.review.what_helped = said
        meeting.action.what = f"Met {helper} en {name} de post doen"
        meeting.action.with_whom = f"met {helper}"
        meeting.action.goal = said
        meeting.strengths.qualities = [f"{name} is sterk"]
        meeting.strengths.domains["netwerk"] = DomainNotes(now=said, past=said, helpers=helper)
    return wim


def _words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


# Words the case prints whatever the names: a name equal to one of them cannot be told apart.
TEMPLATE_WORDS = _words(_printed(team_case(_with_name_everywhere("Zqxv", "Qzvx"), "Hoe help ik?")))


@settings(max_examples=examples(200), deadline=None)
@given(names(), names())
def test_no_name_reaches_the_case_whatever_its_script(name: str, helper: str) -> None:
    assume(not {name.casefold(), helper.casefold()} & (TEMPLATE_WORDS | NOT_NAMES | SERVICES))
    conversation = _with_name_everywhere(name, helper)
    case = team_case(conversation, question=f"Hoe help ik {name} en {helper}?")
    case = case.edited(shown=frozenset({*BLOCKS, "validation"}))
    printed = _printed(case)

    for value in (name, helper):
        if value[0].isupper():  # a script with capitals and spaces: no word may be the name
            assert value.casefold() not in _words(printed)
        else:  # a script without capitals (perhaps without spaces): not even inside a word
            assert value.casefold() not in printed.casefold()
    assert "karim" not in _words(printed)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names(), names())
def test_no_name_reaches_the_page(name: str, helper: str) -> None:
    conversation = _with_name_everywhere(name, helper)
    case = team_case(conversation, question=f"Hoe help ik {name}?")
    text = _page_text(render_team_pdf(conversation, case))

    if name[0].isupper():  # a script the PDF's text can be read back in, letter for letter
        assert name not in text and helper not in text


@pytest.mark.parametrize("name", [*demo_names(), "empty"])
def test_no_name_contact_or_exact_date_of_a_demo_is_printed(name: str) -> None:
    conversation = Conversation() if name == "empty" else load_demo(name)
    text = _page_text(render_team_pdf(conversation, team_case(conversation)))

    for value in (conversation.resident.name, conversation.professional.name):
        if value:
            assert value not in text
    contact = conversation.professional.contact
    for part in re.findall(r"\w{3,}|\d[\d-]{5,}", contact):
        assert part not in text
    for meeting in conversation.meetings:
        assert meeting.date.isoformat() not in text
        assert str(meeting.date.year) not in text
    for helper in ("Marga", "Joop", "Henk", "Els", "Daan", "Anouk"):
        assert helper not in text


def test_names_become_roles_and_the_rest_stays_readable() -> None:
    wim = load_demo("wim")
    names = known_names(wim, T)

    said = anonymise("Wim belt Karim. Daarna fietst Wim met Joop naar de markt.", names)
    assert said == (
        f"{T('team.role.resident')} belt {T('team.role.professional')}. "
        f"Daarna fietst {T('team.role.resident')} met {NAME} naar de markt."
    )
    assert anonymise("Bel 06-12345678 of mail wim@example.org voor 12 maart", names) == (
        "Bel [nummer] of mail [e-mail] voor [datum]"
    )
    assert anonymise("Mijn dochter Marga Jansen helpt", names) == f"Mijn dochter {NAME} helpt"


def test_a_name_inside_text_without_spaces_is_taken_out() -> None:
    conversation = Conversation()
    conversation.resident.name = "王小明"
    case = team_case(conversation)
    assert anonymise("我和王小明去市场", known_names(conversation, T)) == (
        f"我和{T('team.role.resident')}去市场"
    )
    assert case.goal == ""


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=600), st.text(min_size=0, max_size=300))
def test_the_page_is_always_one_page(text: str, question: str) -> None:
    conversation = load_demo("ria")
    for meeting in conversation.meetings:
        meeting.action.what = meeting.action.goal = text
        meeting.review.what_helped = text
        meeting.strengths.domains["geld"] = DomainNotes(now=text, past=text, helpers=text)
        meeting.validation.situation = text
    case = team_case(conversation, question).edited(shown=frozenset({*BLOCKS, "validation"}))

    assert len(PdfReader(io.BytesIO(render_team_pdf(conversation, case))).pages) == 1


@pytest.mark.parametrize(
    ("block", "label"),
    [
        ("goal", "team.goal"),
        ("strengths", "team.strengths"),
        ("qualities", "team.qualities"),
        ("history", "team.history"),
        ("helpers", "team.helpers"),
        ("question", "team.question"),
        ("guide", "team.guide_title"),
    ],
)
def test_a_block_switched_off_is_not_on_the_page(block: str, label: str) -> None:
    ria = load_demo("ria")
    case = team_case(ria, question="Wat zien jullie?")
    everything = _page_text(render_team_pdf(ria, case))
    without = _page_text(render_team_pdf(ria, case.edited(shown=case.shown - {block})))

    assert T(label) in everything
    assert T(label) not in without


def test_validation_is_left_out_unless_the_professional_includes_it() -> None:
    ria = load_demo("ria")
    case = team_case(ria)
    situation = "proefdraaien in een verpleeghuis"
    assert situation in case.validation
    assert situation not in _page_text(render_team_pdf(ria, case))
    included = case.edited(shown=case.shown | {"validation"})
    assert situation in _page_text(render_team_pdf(ria, included))


def test_earlier_meetings_are_said_in_weeks_not_dates() -> None:
    ria = load_demo("ria")
    case = team_case(ria)

    assert case.history[0].startswith(T("team.time.weeks_ago", weeks=15))
    assert T("team.meeting_number", number=4, first=T("team.time.weeks_ago", weeks=15)) == (
        case.meeting
    )


def test_the_file_name_is_neutral() -> None:
    assert TEAM_FILENAME == "krachtkompas-team.pdf"


def test_the_team_pages_blocks_do_not_overlap_and_stay_inside_the_margins() -> None:
    from krachtwerk.pdf import grid
    from krachtwerk.pdf.team import BLOCKS as TEAM_BLOCKS
    from tests.krachtwerk.test_pdf_layout import PRINTER_EDGE, _overlap

    names = list(TEAM_BLOCKS)
    for index, name in enumerate(names):
        block = TEAM_BLOCKS[name]
        assert block.x >= grid.MARGIN and block.right <= grid.PAGE_W - grid.MARGIN, name
        assert block.y >= PRINTER_EDGE and block.bottom <= grid.PAGE_H - PRINTER_EDGE, name
        for other in names[index + 1 :]:
            assert not _overlap(block, TEAM_BLOCKS[other]), (name, other)


def test_the_team_page_speaks_the_conversations_language() -> None:
    ria = load_demo("ria")
    ria.language = "en"
    english = catalogue("en").texts()
    text = _page_text(render_team_pdf(ria, team_case(ria)))

    assert english("team.title") in text and T("team.title") not in text
    assert english("team.time.weeks_ago", weeks=15) in text
    assert english("team.role.professional") in text  # Anouk, typed in an earlier action


def test_what_stands_in_for_a_name_speaks_the_pages_language() -> None:
    wim = load_demo("wim")
    wim.language = "en"
    case = team_case(wim)

    assert catalogue("en").texts()("team.placeholder.name") in case.goal  # Henk, his brother
    assert NAME not in _printed(case)
