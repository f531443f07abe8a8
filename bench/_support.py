"""Shared helpers for the hand-run scripts in bench/: throwaway servers on loopback only."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# The interpreter running the script (the project's virtualenv), wherever it lives.
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PG_BIN = Path("/usr/lib/postgresql") / sorted(os.listdir("/usr/lib/postgresql"))[-1] / "bin"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(database_url, **extra):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_DEBUG="0",
        # The load comes from one address: the API's rate limit would answer it 429.
        DJANGO_API_RATE_LIMIT="",
    )
    env.update(extra)
    return env


def manage(env, *args, quiet=True, project=PROJECT):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=project,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def django_json(env, script):
    """Run Python in the site's environment; its last line of output is JSON."""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@contextmanager
def throwaway_postgres():
    """A private PostgreSQL cluster on a free loopback port, removed afterwards."""
    data_dir = Path(tempfile.mkdtemp(prefix="cica-pg-"))
    shutil.chown(data_dir, "postgres", "postgres")
    port = free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *as_postgres,
            str(PG_BIN / "initdb"),
            "-D",
            str(data_dir / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    cluster = ThrowawayCluster(data_dir / "data", port, as_postgres)
    cluster.start()
    subprocess.run(
        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "cica"],
        check=True,
    )
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


class ThrowawayCluster:
    def __init__(self, data_dir, port, as_postgres):
        self.data_dir, self.port, self.as_postgres = data_dir, port, as_postgres
        self.url = f"postgres://postgres@127.0.0.1:{port}/cica"

    def _ctl(self, *args):
        subprocess.run(
            [*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-w", *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        self._ctl("-o", f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1", "start")

    def stop(self):
        subprocess.run(
            [
                *self.as_postgres,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "fast",
                "stop",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


@contextmanager
def gunicorn(env, port, workers=2, project=PROJECT):
    process = subprocess.Popen(
        [
            GUNICORN,
            "cica_site.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=project,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/members/")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url, timeout=10):
    """(status, body) without raising for HTTP errors."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(url, timeout=2)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{url} did not answer within {seconds}s")
