#!/usr/bin/env python3
"""parley import shows its progress on a terminal, and only there: run under a pseudo-terminal,
standard error carries "reading FILE: N%" updates and then the summary; piped (as every golden
test runs it), the summary alone (see tests/golden/import/*.test).
Usage: progress_pty_test.py PATH-TO-PARLEY FIXTURE"""
import os
import pty
import sys
import tempfile


def main():
    parley, fixture = sys.argv[1], sys.argv[2]
    out = os.path.join(tempfile.mkdtemp(), 'events.json')
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(parley, [parley, 'import', 'icews', fixture, '-o', out])
    seen = b''
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    text = seen.decode('utf-8', 'replace')
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('FAIL: the import failed:\n' + text)
    if 'reading ' + fixture + ': 100%' not in text:
        sys.exit('FAIL: no progress on a terminal:\n' + repr(text))
    if 'rows read' not in text:
        sys.exit('FAIL: no summary after the progress:\n' + repr(text))
    if not os.path.exists(out):
        sys.exit('FAIL: the dataset was not written')
    print('ok: progress on a terminal')


if __name__ == '__main__':
    main()
