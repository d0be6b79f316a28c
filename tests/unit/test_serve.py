"""``interview-tui serve``: the browser tab answers only on loopback and only with its secret."""

from __future__ import annotations

import errno
import http.client
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from interview_tui.web_serve import INSTALL_HINT, app_command

STARTUP_TIMEOUT = 15.0
URL_LINE = re.compile(r"interview-tui in a browser tab: (http://\S+)")
WEBSOCKET_UPGRADE = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


@dataclass
class Served:
    url: str
    port: int
    secret: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module, on a free port, with its own data and config folders."""
    pytest.importorskip(
        "textual_serve", reason='the web extra is not installed (pip install ".[web]")'
    )
    port = free_port()
    data_dir = tmp_path_factory.mktemp("served-notes")
    env = {
        **os.environ,
        "INTERVIEW_TUI_DATA_DIR": str(data_dir),
        "INTERVIEW_TUI_CONFIG_DIR": str(tmp_path_factory.mktemp("served-config")),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_tui", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: [lines.put(line) for line in stdout], daemon=True).start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        seen: list[str] = []
        url = None
        while url is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                assert process.poll() is None, "".join(seen)
                continue
            seen.append(line)
            if match := URL_LINE.search(line):
                url = match.group(1)
        assert url is not None, f"no URL within {STARTUP_TIMEOUT}s: {''.join(seen)!r}"
        while True:  # the URL line is printed on startup, just before the socket listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, f"port {port} never opened"
                time.sleep(0.05)
        secret = urlsplit(url).path.strip("/")
        yield Served(url, port, secret)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_the_printed_url_is_loopback_with_a_long_random_secret(served: Served):
    parts = urlsplit(served.url)
    assert parts.hostname == "127.0.0.1"
    assert parts.port == served.port
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", served.secret)


def test_the_page_with_the_secret_loads_and_points_its_websocket_at_the_secret(served: Served):
    status, html = get(served.port, f"/{served.secret}/")

    assert status == 200
    assert "interview-tui" in html
    socket_url = re.search(r'data-session-websocket-url="([^"]+)"', html)
    assert socket_url is not None
    assert socket_url.group(1) == f"ws://127.0.0.1:{served.port}/{served.secret}/ws"
    # The page's own scripts are served under the secret too.
    script = re.search(r'<script src="http://127\.0\.0\.1:\d+(/[^"]+)"', html)
    assert script is not None and script.group(1).startswith(f"/{served.secret}/")
    assert get(served.port, script.group(1))[0] == 200


@pytest.mark.parametrize("path", ["/", "/?key=guess", "/ws", "/static/js/textual.js"])
def test_without_the_secret_every_path_is_refused(served: Served, path: str):
    assert get(served.port, path)[0] == 403


def test_the_link_typed_without_its_last_slash_leads_to_the_page(served: Served):
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    try:
        connection.request("GET", f"/{served.secret}")
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (302, f"/{served.secret}/")
    finally:
        connection.close()


def test_a_wrong_secret_of_the_same_length_is_refused(served: Served):
    wrong = ("A" if served.secret[0] != "A" else "B") + served.secret[1:]
    assert get(served.port, f"/{wrong}/")[0] == 403
    assert get(served.port, f"/{served.secret[:-1]}/")[0] == 403


def test_the_websocket_handshake_without_the_secret_is_refused(served: Served):
    assert get(served.port, "/ws", WEBSOCKET_UPGRADE)[0] == 403
    assert get(served.port, f"/x{served.secret}/ws", WEBSOCKET_UPGRADE)[0] == 403


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="127.0.0.2 is loopback on Linux")
def test_it_listens_on_127_0_0_1_only(served: Served):
    # On Linux all of 127.0.0.0/8 reaches this machine: a server bound to every address
    # (0.0.0.0) would answer on 127.0.0.2 as well.
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", served.port), timeout=2).close()


def test_a_port_in_use_is_one_line_and_no_link(tmp_path: Path):
    pytest.importorskip("textual_serve", reason="the web extra is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "interview_tui", "--data-dir", str(tmp_path)]
        completed = subprocess.run(
            [*command, "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"interview-tui serve: cannot listen on 127.0.0.1:{port}: {os.strerror(errno.EADDRINUSE)}"
    ]


def test_without_the_web_extra_one_line_says_how_to_install_it(tmp_path: Path):
    blocked = (
        "import sys; sys.modules['textual_serve'] = None\n"
        "from interview_tui.cli import main\n"
        "raise SystemExit(main(['serve']))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, timeout=60, check=False
    )

    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == INSTALL_HINT + "\n"
    assert 'pip install ".[web]"' in completed.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell quoting")
def test_each_tab_runs_the_app_with_the_same_data_options():
    command = app_command("/my notes", ["extra banks/"])

    assert command.startswith(sys.executable) or command.startswith(f"'{sys.executable}'")
    assert "-m interview_tui --data-dir '/my notes' --banks 'extra banks/'" in command
