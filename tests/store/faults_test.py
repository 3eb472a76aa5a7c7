#!/usr/bin/env python3
"""Fault injection for parley's store: after every fault, the store opens, holds every
acknowledged write (exit 0) and no part of an unacknowledged one.

usage: faults_test.py crash|io|full-disk|lock PARLEY [SHIM]

  crash      1,000 writes, each a meeting (an entity and three relations), with kill -9 at
             random instants during a random third of them
  io         one write repeated with each of its write and sync calls failing in turn
             (SHIM is the LD_PRELOAD library tests/store/fault_shim.cpp)
  full-disk  writes into a store on a small tmpfs until the disk is full, then after space is
             freed (skipped, exit 77, where mount is not permitted)
  lock       a second writer waits for the first, or gives up with a message; a reader sees the
             store before an uncommitted write
"""
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SKIP = 77
mode, parley = sys.argv[1], os.path.abspath(sys.argv[2])
shim = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
failures = []


def run(*args, env=None, **kwargs):
    return subprocess.run([parley, *args], capture_output=True, text=True, env=env, **kwargs)


def build(directory):
    store = os.path.join(directory, "talks.parley")
    result = run("build", "--db", "@default", "-o", store, "--author", "test")
    if result.returncode != 0:
        sys.exit(f"build failed: {result.stderr}")
    return store


def meeting_args(store, i):
    return ["--db", store, "add", "meeting", "--id", f"m-{i}", "--participants", "Kono,Lavrov", "--at", "Tokyo",
            "--date", "2019-05-31", "--status", "held", "--source", "asahi-2019-06",
            "--quote", f"meeting number {i}", "-m", f"write {i}", "--author", "faults"]


def verify(store, acknowledged, attempted, when):
    """The store opens; each acknowledged meeting is whole; every other is whole or absent."""
    result = run("--db", store, "export", "--format", "json")
    if result.returncode != 0:
        failures.append(f"{when}: the store does not open: {result.stderr.strip()}")
        return
    data = json.loads(result.stdout)
    entities = {e["id"] for e in data["entities"]}
    parts = {}
    for r in data["relations"]:
        for end in (r["from"], r["to"]):
            if end.startswith("m-"):
                parts[end] = parts.get(end, 0) + 1
    for i in attempted:
        mid = f"m-{i}"
        whole = mid in entities and parts.get(mid, 0) == 3
        absent = mid not in entities and parts.get(mid, 0) == 0
        if i in acknowledged and not whole:
            failures.append(f"{when}: acknowledged write {i} is not whole (entity {mid in entities}, {parts.get(mid, 0)} relations)")
        elif not whole and not absent:
            failures.append(f"{when}: unacknowledged write {i} is partly there ({parts.get(mid, 0)} relations)")


def crash(directory):
    store = build(directory)
    rng = random.Random(12)
    acknowledged, attempted, kills, killed_before_ack = set(), [], 0, 0
    durations = []
    for i in range(1, 1001):
        attempted.append(i)
        start = time.monotonic()
        process = subprocess.Popen([parley, *meeting_args(store, i)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        kill = len(durations) >= 5 and rng.random() < 1 / 3
        if kill:
            delay = rng.uniform(0, 1.2 * statistics.median(durations))
            time.sleep(delay)
            process.kill()  # SIGKILL
            kills += 1
        _, err = process.communicate()
        if not kill:
            durations.append(time.monotonic() - start)
        if process.returncode == 0:
            acknowledged.add(i)
        elif process.returncode == -9:
            killed_before_ack += 1
        else:
            failures.append(f"write {i} failed: {err.decode().strip()}")
        if kill:
            verify(store, acknowledged, attempted, f"after kill {kills} (write {i})")
    verify(store, acknowledged, attempted, "at the end")
    print(f"1000 writes, {kills} killed with SIGKILL at random instants ({killed_before_ack} before they were "
          f"acknowledged), {len(acknowledged)} acknowledged; {len(failures)} problems")


def io_faults(directory):
    if not shim:
        sys.exit("io needs the shim library")
    store = build(directory)
    acknowledged, attempted, injected = set(), [], 0
    i = 0
    for op in ("write", "sync"):
        log = os.path.join(directory, f"{op}.count")
        # Under AddressSanitizer (make asan) a preloaded library must be allowed before its runtime.
        asan = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS", ""), "verify_asan_link_order=0"]))
        env = dict(os.environ, LD_PRELOAD=shim, PARLEY_FAULT_PATH=os.path.basename(store), PARLEY_FAULT_OP=op,
                   PARLEY_FAULT_AT="0", PARLEY_FAULT_LOG=log, ASAN_OPTIONS=asan)
        i += 1
        attempted.append(i)
        if run(*meeting_args(store, i), env=env).returncode == 0:
            acknowledged.add(i)
        with open(log) as f:
            calls = int(f.read().split()[-1])
        if calls == 0:
            failures.append(f"no {op} call was seen on the store: the shim is not working")
        for at in range(1, calls + 1):
            i += 1
            attempted.append(i)
            result = run(*meeting_args(store, i), env=dict(env, PARLEY_FAULT_AT=str(at)))
            injected += 1
            if result.returncode == 0:
                acknowledged.add(i)
            elif "error[io-error]" not in result.stderr:
                failures.append(f"{op} call {at} failed without an io-error message: {result.stderr.strip()}")
            verify(store, acknowledged, attempted, f"after failing {op} call {at}")
        print(f"{op}: {calls} calls in one write, each failed in turn")
    verify(store, acknowledged, attempted, "at the end")
    print(f"{injected} failed calls injected, {len(acknowledged)} of {len(attempted)} writes acknowledged; "
          f"{len(failures)} problems")


def full_disk(directory):
    mount = os.path.join(directory, "disk")
    os.mkdir(mount)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount], capture_output=True).returncode != 0:
        print("skipped: mounting a small tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)")
        sys.exit(SKIP)
    try:
        store = build(mount)
        filler = os.path.join(mount, "filler")
        free = shutil.disk_usage(mount).free
        with open(filler, "wb") as f:
            f.write(b"\0" * max(0, free - 128 * 1024))
        acknowledged, attempted, full = set(), [], 0
        for i in range(1, 1000):
            attempted.append(i)
            result = run(*meeting_args(store, i))
            if result.returncode == 0:
                acknowledged.add(i)
            else:
                full += 1
                if "disk is full" not in result.stderr and "No space" not in result.stderr:
                    failures.append(f"write {i} failed without saying the disk is full: {result.stderr.strip()}")
                verify(store, acknowledged, attempted, f"after the disk was full at write {i}")
            if full >= 5:
                break
        if full == 0:
            failures.append("the disk never filled")
        os.remove(filler)
        attempted.append(1000)
        if run(*meeting_args(store, 1000)).returncode == 0:
            acknowledged.add(1000)
        else:
            failures.append("a write failed after space was freed")
        verify(store, acknowledged, attempted, "after space was freed")
        print(f"{len(acknowledged)} writes acknowledged, {full} refused on a full disk; {len(failures)} problems")
    finally:
        subprocess.run(["umount", mount])


def lock(directory):
    store = build(directory)
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO transactions(time, author, message) VALUES ('x', 'x', 'uncommitted')")
    # A reader during a write sees the store before it.
    log = run("--db", store, "log", "--format", "json")
    if log.returncode != 0 or len(json.loads(log.stdout)["transactions"]) != 1:
        failures.append(f"a reader during a write did not see the store before it: {log.stdout} {log.stderr}")
    # A writer that cannot wait long enough gives up, says so, and writes nothing.
    given_up = run(*meeting_args(store, 1), env=dict(os.environ, PARLEY_WAIT_SECONDS="1"))
    if given_up.returncode != 4 or "waiting" not in given_up.stderr or "gave up" not in given_up.stderr:
        failures.append(f"a writer that could not get the lock: exit {given_up.returncode}, {given_up.stderr.strip()}")
    # A writer that can wait does, and writes once the lock is released.
    waiting = subprocess.Popen([parley, *meeting_args(store, 2)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ, PARLEY_WAIT_SECONDS="20"))
    # Its first message says it waits; only then is the lock released (however slow the machine).
    first = waiting.stderr.readline()
    holder.execute("ROLLBACK")
    holder.close()
    out, err = waiting.communicate(timeout=60)
    err = first + err
    if waiting.returncode != 0 or "waiting" not in first:
        failures.append(f"a writer that waited: exit {waiting.returncode}, {err.strip()}")
    verify(store, {2}, [1, 2], "after the lock test")
    print(f"a writer gave up after 1 s, another waited and wrote; {len(failures)} problems")


with tempfile.TemporaryDirectory(prefix="parley-faults-") as directory:
    {"crash": crash, "io": io_faults, "full-disk": full_disk, "lock": lock}[mode](directory)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
