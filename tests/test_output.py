"""Nothing is lost: no input overwritten, no output cut short in silence, no file left half-written."""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, Run, score_executable
from inspector_scoring.cli.output import _write_whole, remove_stale, write_atomically

TAIPING = EXAMPLES / "taiping-2021-03.json"


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    """A copy of the 太平乡 example to score (and to be careful with)."""
    path = tmp_path / "ev.json"
    shutil.copyfile(TAIPING, path)
    return path


def test_output_never_replaces_the_file_standard_input_reads(evidence: Path) -> None:
    """``score - --output ev.json < ev.json`` is a usage error, and ev.json is left as it was."""
    with evidence.open("rb") as stdin:
        run = subprocess.run(
            [score_executable(), "-", "--output", evidence],
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
    assert run.returncode == 2
    assert run.stderr == (
        f"score: error: --output {evidence} is the file standard input reads; refusing to overwrite it\n"
    )
    assert evidence.read_bytes() == TAIPING.read_bytes()


def test_output_never_replaces_an_input_by_another_name(
    evidence: Path, tmp_path: Path, run_score: Run
) -> None:
    """A symbolic link, a hard link or another spelling of an input's path is that input."""
    soft = tmp_path / "soft.json"
    soft.symlink_to(evidence)
    hard = tmp_path / "hard.json"
    os.link(evidence, hard)
    for name in (soft, hard, tmp_path / "." / "ev.json"):
        run = run_score(evidence, "--output", name)
        assert run.returncode == 2, name
        assert run.stderr == f"score: error: --output {name} is an input file; refusing to overwrite it\n"
    assert evidence.read_bytes() == TAIPING.read_bytes()


def test_output_never_writes_a_rule_file_into_the_rule_folder(
    evidence: Path, tmp_path: Path, run_score: Run
) -> None:
    """Into the folder of ``--rules``, a ``.toml`` would replace a rule file or be read as one later."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copyfile(ROOT / "rules" / "default.toml", folder / "default.toml")
    for name in ("default.toml", "notice.toml"):
        run = run_score(evidence, "--rules", folder, "--output", folder / name)
        assert run.returncode == 2
        assert run.stderr.startswith(f"score: error: --output {folder / name} is a rule file of the folder")
    assert sorted(path.name for path in folder.iterdir()) == ["default.toml"]
    assert (folder / "default.toml").read_bytes() == (ROOT / "rules" / "default.toml").read_bytes()
    assert run_score(evidence, "--rules", folder, "--output", folder / "notice.txt").returncode == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_full_disk_on_standard_output_is_a_problem(unbuffered: str) -> None:
    """Written to a full disk, buffered or not, the command says so and exits 1 (no traceback)."""
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    with open("/dev/full", "wb") as full:
        run = subprocess.run(
            [score_executable(), TAIPING, "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert run.returncode == 1
    assert run.stderr == "<standard output>: cannot write: No space left on device\n"


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """``score … | head -c 10``: the rest cannot be delivered; exit 1, nothing on standard error."""
    big = [sys.executable, "-c", _BIG_OUTPUT]
    with subprocess.Popen(big, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as producer:
        assert producer.stdout is not None
        producer.stdout.read(10)
        producer.stdout.close()
        _, errors = producer.communicate(timeout=60)
    assert producer.returncode == 1
    assert errors == b""


#: the command's writer given 20 MB for standard output (more than any pipe holds)
_BIG_OUTPUT = textwrap.dedent(
    """
    import sys
    from inspector_scoring.cli.output import emit
    from inspector_scoring.cli.main import main
    import inspector_scoring.cli.score as score
    score.score_command = lambda argv: emit(None, (b"x" * 1_000_000 for _ in range(20)))
    sys.exit(main(["ignored"]))
    """
)


class _Trickle(io.RawIOBase):
    """A stream that takes at most ``most`` bytes a write, as an unbuffered pipe may."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.taken = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)[: self.most]  # type: ignore[call-overload]
        self.taken += chunk
        return len(chunk)


def test_a_short_write_is_written_again_until_all_is_taken() -> None:
    """An unbuffered stream may take part of a write and say so: the rest is written after it."""
    stream = _Trickle(4096)
    data = bytes(range(256)) * 1000
    _write_whole(stream, data)
    assert bytes(stream.taken) == data


def test_a_stream_that_takes_nothing_is_an_error() -> None:
    """A write that takes no bytes would loop for ever: it is an error instead."""
    with pytest.raises(OSError, match="took none") as caught:
        _write_whole(_Trickle(0), b"x")
    assert caught.value.errno == errno.EIO


def test_a_file_written_whole_or_not_at_all(tmp_path: Path) -> None:
    """A failure while writing leaves the old file as it was and no temporary file beside it."""
    target = tmp_path / "notice.txt"
    target.write_text("the old notice", encoding="utf-8")

    def pieces() -> object:
        yield "第一部分"
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        write_atomically(str(target), pieces())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "the old notice"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notice.txt"]
    write_atomically(str(target), ["新的", b"\xe5\x85\xac\xe7\xa4\xba"])
    assert target.read_text(encoding="utf-8") == "新的公示"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notice.txt"]


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    """A signal that ends the process in the middle of a file (SIGTERM, SIGHUP, SIGQUIT): the
    process ends by the signal, the temporary file goes."""
    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    number = getattr(signal, name)
    target = tmp_path / "result.json"
    target.write_text("old", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal
        from inspector_scoring.cli.output import write_atomically
        def pieces():
            yield b"half of it"
            os.kill(os.getpid(), {int(number)})
            yield b"the rest"
        write_atomically({str(target)!r}, pieces())
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert run.returncode == -number
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["result.json"]


def test_a_temporary_file_a_killed_run_left_is_removed_by_the_next(tmp_path: Path, run_score: Run) -> None:
    """SIGKILL cannot be caught: the file it leaves names its process, and the next run removes it."""
    argv = [sys.executable, "-c", "import os; print(os.getpid())"]
    gone = subprocess.run(argv, capture_output=True, text=True, check=True)
    pid = int(gone.stdout)  # a process that has ended
    stale = tmp_path / f".notice.txt.score-{pid}-abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    other = tmp_path / ".notice.txt.other.tmp"  # not ours: left alone
    other.write_bytes(b"y")
    mine = tmp_path / f".notice.txt.score-{os.getpid()}-live.tmp"  # a live process's: left alone
    mine.write_bytes(b"z")
    assert run_score(TAIPING, "--output", tmp_path / "notice.txt").returncode == 0
    assert not stale.exists()
    assert other.exists()
    assert mine.exists()
    remove_stale(str(tmp_path), "notice.txt")
    assert mine.exists()


def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(tmp_path: Path, run_score: Run) -> None:
    """``--output /dev/null`` writes to the device; a rename would replace it with a file."""
    run = run_score(TAIPING, "--output", os.devnull)
    assert run.returncode == 0
    assert not Path(os.devnull).is_file()


def test_output_into_a_folder_that_does_not_exist_says_so(
    tmp_path: Path, evidence: Path, run_score: Run
) -> None:
    """The system's "No such file or directory" of a file that was to be made named the wrong
    thing: it is the folder that is missing, and the message says which, in both languages."""
    target = tmp_path / "no-such-folder" / "notice.txt"
    done = run_score(evidence, "--output", target, "--lang", "en")
    assert (done.returncode, done.stderr) == (
        1,
        f'{target}: cannot write: there is no folder "{target.parent}"\n',
    )
    done = run_score("template", "--output", target.with_suffix(".xlsx"), "--lang", "zh")
    assert (done.returncode, done.stderr) == (
        1,
        f'{target.with_suffix(".xlsx")}: 无法写入：文件夹 "{target.parent}" 不存在\n',
    )
    assert not target.parent.exists()


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="a system without /proc")
def test_output_into_a_folder_that_takes_no_new_file_says_so(evidence: Path, run_score: Run) -> None:
    """/proc/version exists, but /proc takes no new file (the one written beside it first): "No
    such file or directory" alone named a file that is there; the folder is named, in both
    languages, and the file is as it was."""
    before = Path("/proc/version").read_bytes()
    done = run_score(evidence, "--output", "/proc/version", "--lang", "en")
    assert (done.returncode, done.stderr) == (
        1,
        '/proc/version: cannot write: no new file can be made in the folder "/proc"'
        " (No such file or directory)\n",
    )
    done = run_score(evidence, "--output", "/proc/version", "--lang", "zh")
    assert (done.returncode, done.stderr) == (
        1,
        '/proc/version: 无法写入：文件夹 "/proc" 中不能新建文件（文件不存在）\n',
    )
    assert Path("/proc/version").read_bytes() == before


def test_a_rule_file_linked_into_the_rule_folder_is_an_input(
    evidence: Path, tmp_path: Path, run_score: Run
) -> None:
    """rules/a.toml a link to elsewhere/real.toml: writing elsewhere/real.toml would replace the
    rule file the folder gives, so it is refused, and the file is left as it was."""
    real = tmp_path / "elsewhere" / "real.toml"
    real.parent.mkdir()
    shutil.copyfile(ROOT / "rules" / "default.toml", real)
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.toml").symlink_to(real)
    run = run_score(evidence, "--rules", folder, "--output", real)
    assert run.returncode == 2
    assert run.stderr.startswith(f"score: error: --output {real} is a rule file of the folder {folder}")
    assert real.read_bytes() == (ROOT / "rules" / "default.toml").read_bytes()


def test_the_bundled_rule_file_is_never_written(evidence: Path, run_score: Run) -> None:
    """Without --rules the bundled scheme is an input too: --output at it is refused (it would
    break every later run), as is any file inside the installed package."""
    from inspector_scoring.rules.load import bundled_rules_path  # noqa: PLC0415

    bundled = bundled_rules_path()
    assert bundled is not None
    before = Path(bundled).read_bytes()
    package = Path(sys.modules["inspector_scoring"].__file__ or "").parent
    for target in (bundled, package / "notice.html"):
        run = run_score(evidence, "--output", target)
        assert run.returncode == 2, target
        assert run.stderr == (
            f"score: error: --output {target} is one of the program's own files (its bundled rules); "
            "refusing to overwrite it\n"
        )
    assert Path(bundled).read_bytes() == before
    assert not (package / "notice.html").exists()


def test_output_through_a_link_writes_the_file_it_leads_to(tmp_path: Path, run_score: Run) -> None:
    """A link the user made: the file it leads to gets the notice, and the link stays a link.
    --output /dev/stdout with standard output appended to a file: written through standard
    output, so what the file held before stays (it was replaced by a file written in /dev, and
    then by one renamed over the log)."""
    target = tmp_path / "out.csv"
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    run = run_score(TAIPING, "--format", "csv", "--output", link)
    assert run.returncode == 0, run.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8-sig").startswith('"太平乡2021年3月驻矿安监员考核结果公示"')
    if Path("/dev/stdout").is_symlink():
        # standard output appended to a log: what the log held stays (it is written through
        # standard output, not replaced by a new file)
        (tmp_path / "stdout.csv").write_bytes(b"kept\n")
        with (tmp_path / "stdout.csv").open("ab") as stream:
            done = subprocess.run(
                [score_executable(), TAIPING, "--format", "csv", "--output", "/dev/stdout"],
                stdout=stream,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert done.returncode == 0, done.stderr
        assert Path("/dev/stdout").is_symlink()
        assert (tmp_path / "stdout.csv").read_bytes() == b"kept\n" + target.read_bytes()


def _closed(args: list[str], *, stdin: bool, stdout: bool) -> subprocess.CompletedProcess[str]:
    """The installed command started without standard input or output (``<&-``, ``>&-``)."""
    script = (
        "import os, subprocess, sys\n"
        "kept = {0: sys.argv[1] == '1', 1: sys.argv[2] == '1'}\n"
        "def close():\n"
        "    for fd, keep in kept.items():\n"
        "        if not keep:\n"
        "            os.close(fd)\n"
        "done = subprocess.run(sys.argv[3:], preexec_fn=close, stderr=subprocess.PIPE, text=True)\n"
        "sys.stderr.write(done.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, str(int(stdin)), str(int(stdout)), score_executable(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="closes file descriptors")
def test_a_closed_standard_stream_is_a_problem_not_a_traceback() -> None:
    """Started without standard input (score - <&-, score import - <&-) or without standard
    output (>&-): the command says which cannot be read or written, exit 1."""
    for args in (["-", "--lang", "en"], ["import", "-", "--lang", "en"]):
        done = _closed(args, stdin=False, stdout=True)
        assert (done.returncode, done.stderr) == (
            1,
            "<stdin>: cannot read: Bad file descriptor (the stream is closed)\n",
        ), args
    for args in ([str(TAIPING)], [str(TAIPING), "--format", "json"], ["--version"], ["--help"]):
        done = _closed([*args, "--lang", "en"] if args != ["--version"] else args, stdin=True, stdout=False)
        assert (done.returncode, done.stderr) == (
            1,
            "<standard output>: cannot write: Bad file descriptor (the stream is closed)\n",
        ), args


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"], ["verify", "--help"]])
def test_version_and_help_to_a_full_disk_say_so(args: list[str]) -> None:
    """argparse passes a failed write over in silence (exit 0); the command says it, exit 1."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [score_executable(), *args], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 1
    assert done.stderr.endswith("cannot write: No space left on device\n")


def test_a_usage_error_shows_the_arguments_never_obeys_them(run_score: Run, tmp_path: Path) -> None:
    """An argument holding an OSC 8 link, a BEL or a C1 CSI is echoed escaped, by argparse's
    usage errors and by the command's own (--output naming an input: a message's values are
    shown escaped when it is rendered)."""
    done = run_score(TAIPING, "\x1b]8;;http://x\x07L\x9b2J\u202e")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "score: error: unrecognized arguments: \\x1b]8;;http://x\\x07L\\x9b2J\\u202e"
    )
    hostile = tmp_path / "e\x1b[2J.json"
    shutil.copyfile(TAIPING, hostile)
    done = run_score(hostile, "--output", hostile)
    assert done.returncode == 2
    escaped = str(hostile).replace("\x1b", "\\x1b")
    assert done.stderr == f"score: error: --output {escaped} is an input file; refusing to overwrite it\n"
