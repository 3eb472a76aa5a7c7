"""What the export tests share: the parley binary (the first argument), checks that print `ok:` or
`FAILED:` and are counted, running parley, and the exit code that reports the count."""
import os
import subprocess
import sys

parley = os.path.abspath(sys.argv[1])
failures = 0


def check(condition, what):
    global failures
    print(("ok: " if condition else "FAILED: ") + what)
    if not condition:
        failures += 1


def run(*args, binary=False):
    """parley's standard output (text, or bytes with binary=True); a failure raises."""
    result = subprocess.run([parley, *args], check=True, capture_output=True)
    return result.stdout if binary else result.stdout.decode("utf-8")


def finish():
    sys.exit(1 if failures else 0)
