"""Three replicas behind HAProxy with a sticky cookie (deploy/haproxy.cfg), in a real browser:
uploads work through the balancer, a replica killed mid-conversation or restarted one by one
loses nothing (the tab restores its copy on another replica), and 50 people at once across the
replicas meet no error."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.people import walk_together
from krachtwerk.conversation_file import read_conversation, write_conversation
from krachtwerk.demos import load_demo
from tests.browser.conftest import new_app
from tests.browser.kit import ROOT, App, Server, free_port, start_server, wait_until_it_answers
from tests.browser.test_browser_copy import a_photo, photo_shown
from tests.browser.test_files import open_file

REPLICAS = ("app1", "app2", "app3")
COOKIE = "kk-replica"
SESSION_TTL_S = 4


@dataclass
class Cluster:
    """Three `streamlit run app.py` and one HAProxy, all on loopback ports of their own."""

    folder: Path
    ports: dict[str, int]
    url: str = ""
    replicas: dict[str, Server] = field(default_factory=dict)
    balancer: subprocess.Popen | None = None

    def start(self, name: str) -> None:
        options = ("--server.disconnectedSessionTTL", str(SESSION_TTL_S))
        self.replicas[name] = start_server(
            self.folder / f"{name}.log", port=self.ports[name], options=options
        )

    def kill(self, name: str) -> None:
        """As a crashed pod: no warning, every session on it gone."""
        process = self.replicas.pop(name).process
        process.kill()
        process.wait(timeout=10)

    def output(self) -> str:
        return "\n".join(
            (self.folder / f"{name}.log").read_text(errors="replace") for name in REPLICAS
        )

    def stop(self) -> None:
        for server in self.replicas.values():
            server.stop()
        if self.balancer:
            self.balancer.terminate()
            self.balancer.wait(timeout=10)


def balancer_config(ports: dict[str, int], front: int) -> str:
    """deploy/haproxy.cfg as shipped, with loopback addresses instead of container names."""
    config = (ROOT / "deploy" / "haproxy.cfg").read_text(encoding="utf-8")
    config = config.replace("bind :8080", f"bind 127.0.0.1:{front}")
    config = config.replace("log stdout format raw local0 notice", "")
    for name, port in ports.items():
        config = config.replace(f"{name}:8501", f"127.0.0.1:{port}")
    config = re.sub(r"(?ms)^resolvers docker\n.*?\n\n", "", config)
    return config.replace(" resolvers docker", "").replace("inter 2s", "inter 500ms")


def wait_healthy(url: str) -> None:
    wait_until_it_answers(f"{url}/_stcore/health", b"ok")


@pytest.fixture(scope="module")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not shutil.which("haproxy"):
        message = "haproxy is not installed (apt-get install haproxy; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("replicas")
    cluster = Cluster(folder, {name: free_port() for name in REPLICAS})
    try:
        for name in REPLICAS:
            cluster.start(name)
        front = free_port()
        config = folder / "haproxy.cfg"
        config.write_text(balancer_config(cluster.ports, front), encoding="utf-8")
        log = (folder / "haproxy.log").open("w")
        cluster.balancer = subprocess.Popen(
            ["haproxy", "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT
        )
        cluster.url = f"http://127.0.0.1:{front}"
        wait_healthy(cluster.url)
        yield cluster
    finally:
        cluster.stop()


def replica_of(app: App) -> str:
    cookies = {c["name"]: c["value"] for c in app.page.context.cookies()}
    return cookies[COOKIE]


def open_wim(app: App) -> None:
    """A conversation opened from its file and a photo added, both uploaded through the balancer."""
    open_file(app, write_conversation(load_demo("wim")))
    app.go("actie")
    app.upload(app.t("actie.photo.label"), a_photo(), "foto.jpg", "image/jpeg")
    expect(photo_shown(app)).to_have_count(1)
    app.assert_no_error()


def test_uploads_work_through_the_balancer_every_time(browser, server: Cluster) -> None:
    served = set()
    for _ in range(4):
        person = new_app(browser, server).open()
        try:
            open_wim(person)
            app_name = person.t("start.settings.resident_name")
            person.go("start")
            assert person.value(app_name) == "Wim"
            served.add(replica_of(person))
        finally:
            person.page.context.close()
    assert len(served) >= 2, "the balancer spread the people over the replicas"


def test_a_replica_killed_mid_conversation_loses_nothing(app: App, server: Cluster) -> None:
    open_wim(app)
    app.go("afronden")
    _, before = app.download_file()
    victim = replica_of(app)
    app.go("kompas")

    with app.page_replaced():
        server.kill(victim)
    try:
        app.expect_step("kompas")
        app.assert_no_error()
        assert replica_of(app) != victim, "the tab is on another replica now"
        app.go("actie")
        expect(photo_shown(app)).to_have_count(1)
        app.go("afronden")
        _, after = app.download_file()
        assert after == before, "every value came back"
        assert read_conversation(after).resident.name == "Wim"
    finally:
        server.start(victim)
        wait_healthy(server.url)


def test_a_rolling_restart_of_all_three_loses_nothing(app: App, server: Cluster) -> None:
    open_wim(app)
    app.go("afronden")
    _, before = app.download_file()
    for name in REPLICAS:  # one by one, as a rolling update does
        serving = replica_of(app) == name
        if serving:
            with app.page_replaced():
                server.kill(name)
        else:
            server.kill(name)
        server.start(name)
        wait_healthy(server.replicas[name].url)
        app.go("kompas")
        app.go("afronden")
        app.assert_no_error()
        _, now = app.download_file()
        assert now == before, f"after {name} restarted"


def cpu_seconds(server: Server) -> float:
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_fifty_people_at_once_across_the_replicas_meet_no_error(server: Cluster) -> None:
    before = {name: cpu_seconds(replica) for name, replica in server.replicas.items()}

    with ThreadPoolExecutor(1) as thread:  # off Playwright's own event loop
        walkers = thread.submit(asyncio.run, walk_together(server.url, 50)).result()

    errors = [error for walker in walkers for error in walker.errors]
    assert errors == []
    assert all(len(walker.timings) > 8 for walker in walkers)  # each walked the whole way
    assert "Traceback" not in server.output()
    worked = {name: cpu_seconds(r) - before[name] for name, r in server.replicas.items()}
    assert all(seconds > 1.0 for seconds in worked.values()), worked  # all three served some


def test_the_balancer_adds_security_headers_and_hides_the_metrics(server: Cluster) -> None:
    """Streamlit has no setting for response headers; deploy/haproxy.cfg adds them. The pages
    above ran under its Content-Security-Policy (nothing from another host, no framing)."""
    with urllib.request.urlopen(f"{server.url}/", timeout=10) as reply:
        headers = reply.headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    with pytest.raises(urllib.error.HTTPError) as hidden:
        urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=10)
    assert hidden.value.code == 404
    replica = next(iter(server.replicas.values()))
    with urllib.request.urlopen(f"{replica.url}/_stcore/metrics", timeout=10) as reply:
        assert reply.status == 200  # a replica still answers the one who runs it
