#!/usr/bin/env python3
"""Drives `parley shell` through a pseudo-terminal, as a person would: typing commands, tab
completion of commands, options and names, history with the up arrow, help, and quit.
Usage: shell_pty_test.py PATH-TO-PARLEY"""
import os
import pty
import re
import select
import sys
import tempfile
import time

PARLEY = sys.argv[1]
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z@]|\x1b[=>]|[\r\x07]")


class Session:
    def __init__(self, history):
        env = dict(os.environ, TERM="xterm", PARLEY_HISTORY=history, COLUMNS="200", LINES="50")
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
        os.write(self.fd, text.encode("utf-8"))

    def wait(self):
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok -", message)


def main():
    history = os.path.join(tempfile.mkdtemp(), "history")
    s = Session(history)
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

    s.send("path Mori Morgulov --al\t\r")
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

    s.send("quit\r")
    code = s.wait()
    check(code == 0, "quit leaves with exit code 0")
    with open(history, encoding="utf-8") as f:
        saved = f.read().replace("\\040", " ")  # libedit's history file escapes spaces
    check("who-met Abe Putin" in saved, "history is saved between sessions")
    print("%d passed, 0 failed" % 9)


if __name__ == "__main__":
    main()
