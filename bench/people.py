"""People walking a conversation through Streamlit's own websocket protocol, without a browser.

One ``Person`` is one tab: it opens a session on ``/_stcore/stream``, reads the elements the
server sends (protobuf ForwardMsgs), and presses what a person presses (BackMsg reruns with the
widget's state, as the browser sends them). Each action is timed from the message sent to the
server's "script finished" for the run it started, switch_page reruns included.

Used by bench/load.py and bench/server.py; the same walk works on the app and on bench/bare_app.py.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
STEPS = ("start", "erkenning", "krachten", "kompas", "actie", "afronden")
DEMO = "noor"
SLIDER_MOVES = ("4", "6", "5")  # on the Kompas step, one axis moved three times


@dataclass
class Timing:
    action: str  # "open", "demo", "next→<step>", "slider"
    ms: float


@dataclass
class Person:
    url: str  # http://127.0.0.1:port
    timeout: float = 120.0
    timings: list[Timing] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)  # user key -> widget id, last run
    page_hash: str = ""

    async def walk(self) -> None:
        """Open the app, load a demo, walk the six steps; on Kompas move a slider three times."""
        address = self.url.replace("http://", "ws://") + "/_stcore/stream"
        try:
            async with connect(address, subprotocols=["streamlit"], max_size=None) as socket:
                self.socket = socket
                await self.act("open", BackMsg(rerun_script={"query_string": ""}))
                await self.press("demo", f"start.demo.{DEMO}")
                for step in STEPS[1:]:
                    await self.press(f"next→{step}", "nav.next")
                    if step == "kompas":
                        slider = next(k for k in self.widgets if k.startswith("w.score."))
                        for value in SLIDER_MOVES:
                            state = WidgetState(id=self.widgets[slider])
                            state.string_array_value.data.append(value)
                            await self.act("slider", self.rerun(state))
        except Exception as error:  # counted and reported, never hidden
            self.errors.append(f"{type(error).__name__}: {error}")

    def rerun(self, state: WidgetState) -> BackMsg:
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = self.page_hash
        message.rerun_script.widget_states.widgets.append(state)
        return message

    async def press(self, action: str, key: str) -> None:
        if key not in self.widgets:
            raise LookupError(f"no widget {key!r} on the page (before {action})")
        await self.act(action, self.rerun(WidgetState(id=self.widgets[key], trigger_value=True)))

    async def act(self, action: str, message: BackMsg) -> None:
        self.widgets = {}
        start = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        await asyncio.wait_for(self.until_finished(), self.timeout)
        self.timings.append(Timing(action, (time.perf_counter() - start) * 1000))

    async def until_finished(self) -> None:
        while True:
            message = ForwardMsg.FromString(await self.socket.recv())
            kind = message.WhichOneof("type")
            if kind == "navigation":
                self.page_hash = message.navigation.page_script_hash
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self.read(message.delta.new_element)
            elif kind == "script_finished":
                if message.script_finished == FINISHED:
                    return
                self.widgets = {}  # stopped early for a rerun (switch_page): a new page follows

    def read(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"exception on the page: {element.exception.type}")
            return
        widget_id = getattr(getattr(element, kind), "id", "")
        if isinstance(widget_id, str) and "-" in widget_id:
            self.widgets[widget_id.rsplit("-", 1)[-1]] = widget_id


async def walk_together(url: str, people: int) -> list[Person]:
    """``people`` walks that start at the same moment, each in its own session."""
    walkers = [Person(url) for _ in range(people)]
    await asyncio.gather(*(walker.walk() for walker in walkers))
    return walkers
