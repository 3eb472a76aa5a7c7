#!/usr/bin/env python3
"""Drives `parley shell` through a pseudo-terminal, as a person would: typing commands, tab
completion of commands, options and names, history with the up arrow, help, Ctrl-C on a line
being typed and on a query running, names that are not ASCII under LANG=C and LANG=C.UTF-8,
quit, and Ctrl-D at the prompt the moment it shows and typed while a line runs. Exits with 77 (a
skip, for ctest) when no pseudo-terminal can be had: a chroot or a container without /dev/pts.
Usage: shell_pty_test.py PATH-TO-PARLEY"""
import os
import pty
import re
import select
import signal
import sys
import tempfile
import termios
import time

PARLEY = sys.argv[1]
SKIP = 77
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z@]|\x1b[=>]|[\r\x07]")
passed = 0


class Session:
    def __init__(self, history, lang="C.UTF-8"):
        env = dict(os.environ, TERM="xterm", PARLEY_HISTORY=history, COLUMNS="200", LINES="50")
        env.pop("LC_ALL", None)
        env.pop("LC_CTYPE", None)
        env["LANG"] = lang
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(PARLEY, [PARLEY, "shell"], env)
        self.seen = b""

    def read_until(self, pattern, timeout=10.0):
        """Reads until `pattern` (bytes regex) appears in the cleaned output; returns the text."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            clean = ANSI.sub(b"", self.seen)
            match = re.search(pattern, clean)
            if match:
                self.seen = b""
                return clean.decode("utf-8", "replace")
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    break
        raise AssertionError("timed out waiting for %r; got:\n%s" % (pattern, ANSI.sub(b"", self.seen).decode("utf-8", "replace")))

    def send(self, text):
        os.write(self.fd, text.encode("utf-8") if isinstance(text, str) else text)

    def wait(self, what, timeout=5.0):
        """The exit code once the shell has ended; fails (and kills it) if `what` has not ended it
        within `timeout` seconds, rather than leaving ctest to time out."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    pass
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError("%s did not end the session within %g s: the shell still waits for input; "
                             "it showed:\n%s" % (what, timeout, ANSI.sub(b"", self.seen).decode("utf-8", "replace")))

    def canonical(self):
        """Whether the terminal is in canonical (line) mode, where the kernel, not the shell, takes
        Ctrl-D (as end of file) -- the master side of a pty reports the slave's modes."""
        return bool(termios.tcgetattr(self.fd)[3] & termios.ICANON)


def fifo_not_written(signum, frame):
    raise AssertionError("the line never opened its FIFO for writing within 10 s")


def check(condition, message):
    global passed
    if not condition:
        raise AssertionError(message)
    passed += 1
    print("ok -", message)


def main():
    folder = tempfile.mkdtemp()
    history = os.path.join(folder, "history")
    try:
        master, slave = pty.openpty()
        os.close(master)
        os.close(slave)
        s = Session(history)
    except OSError as e:
        print("skipped: no pseudo-terminal can be had here (%s); the shell's line editing is not tested" % e)
        sys.exit(SKIP)
    s.read_until(rb"parley> ")

    s.send("who-met Abe Putin\r")
    out = s.read_until(rb"Counts stated by the sources[\s\S]*parley> ")
    check("3 meetings in the dataset" in out, "a query answers as on the command line")

    s.send("sho\t")  # completes the command
    s.send("Sergey\t")  # completes a name with a space, quoted
    s.send("\r")
    out = s.read_until(rb"Relations \(\d+\)[\s\S]*parley> ")
    check("show Sergey\\ Lavrov" in out, "tab completes a command and an entity name with a space")
    check("person, id sergey-lavrov" in out, "the completed line runs")

    s.send("path Mori Lavrov --al\t\r")
    out = s.read_until(rb"Path 1 of \d+[\s\S]*parley> ")
    check("--all" in out, "tab completes an option")

    s.send("help path\r")
    out = s.read_until(rb"usage: parley path[\s\S]*parley> ")
    check("--max-hops" in out, "help names a command's options")

    s.send("who-met Nobodyy\r")
    out = s.read_until(rb"name-not-found[\s\S]*parley> ")
    check("no entity is called" in out, "an error is reported and the shell goes on")

    s.send("path \"unbalanced\r")
    out = s.read_until(rb"unbalanced double quote[\s\S]*parley> ")
    check(True, "a line with an unbalanced quote is rejected, the shell goes on")

    s.send("\x1b[A\x1b[A\x1b[A\r")  # up three times: back to `help path`
    out = s.read_until(rb"usage: parley path[\s\S]*parley> ")
    check(True, "the up arrow recalls earlier lines")

    s.send("who-met Abe Put")
    time.sleep(0.3)
    s.send(b"\x03")  # Ctrl-C while typing
    s.read_until(rb"parley> ")
    s.send("stats\r")
    out = s.read_until(rb"entities[\s\S]*parley> ")
    check("Put" not in out.split("stats")[-1] and "Shinzo Abe and" not in out, "Ctrl-C drops the line being typed and the session goes on")

    # A line that blocks: writing into a FIFO nobody reads. Ctrl-C must stop it, not the shell.
    fifo = os.path.join(folder, "fifo")
    os.mkfifo(fifo)
    s.send("who-met Abe -o %s\r" % fifo)
    time.sleep(0.5)
    s.send(b"\x03")
    out = s.read_until(rb"interrupted[\s\S]*parley> ")
    check(True, "Ctrl-C stops a running line and the prompt comes back")
    s.send("who-met Abe Putin\r")
    out = s.read_until(rb"Counts stated by the sources[\s\S]*parley> ")
    check("3 meetings in the dataset" in out, "the session answers after an interrupted line")

    s.send("quit\r")
    code = s.wait("quit")
    check(code == 0, "quit leaves with exit code 0")
    with open(history, encoding="utf-8") as f:
        saved = f.read().replace("\\040", " ")  # libedit's history file escapes spaces
    check("who-met Abe Putin" in saved, "history is saved between sessions")
    check("stats" in saved, "history is kept across Ctrl-C")

    for lang in ("C", "C.UTF-8"):
        s = Session(os.path.join(folder, "history-" + lang), lang)
        s.read_until(rb"parley> ")
        s.send("show Шинзо\r")
        out = s.read_until("no entity is called[^\n]*\n[\\s\\S]*parley> ".encode())
        check('"Шинзо"' in out, "a Cyrillic name arrives whole under LANG=%s" % lang)
        s.send("show Kono–Lavrov\\ meeting\\ in\\ Tokyo\r")  # an en dash
        out = s.read_until(rb"Relations \(\d+\)[\s\S]*parley> ")
        check("id kono-lavrov-tokyo-2019-05-31" in out, "a name with a non-ASCII character is found under LANG=%s" % lang)
        # Typed the moment the prompt shows: a Ctrl-D the kernel gets in canonical mode reaches
        # libedit as a NUL and is lost (the shell hung here now and then before the fix).
        check(not s.canonical(), "the prompt shows with the terminal out of canonical mode under LANG=%s" % lang)
        s.send(b"\x04")  # Ctrl-D
        check(s.wait("Ctrl-D at the prompt under LANG=%s" % lang) == 0, "Ctrl-D leaves with exit code 0 under LANG=%s" % lang)

    # Ctrl-D typed while a line runs (the terminal is in canonical mode for its output) ends the
    # session when the line is done, as at the prompt. The line blocks on a FIFO until it is read.
    s = Session(os.path.join(folder, "history-typed-ahead"), "C")
    s.read_until(rb"parley> ")
    fifo = os.path.join(folder, "fifo-typed-ahead")
    os.mkfifo(fifo)
    s.send("who-met Abe Putin -o %s\r" % fifo)
    time.sleep(0.5)
    s.send(b"\x04")  # Ctrl-D while the line waits for a reader
    signal.signal(signal.SIGALRM, fifo_not_written)
    signal.alarm(10)
    with open(fifo, encoding="utf-8") as f:
        answer = f.read()
    signal.alarm(0)
    check("3 meetings in the dataset" in answer, "a line writing into a FIFO answers once it is read")
    check(s.wait("Ctrl-D typed while a line ran") == 0, "Ctrl-D typed while a line runs leaves with exit code 0")
    print("%d passed, 0 failed" % passed)


if __name__ == "__main__":
    main()
