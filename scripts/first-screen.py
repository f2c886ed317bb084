#!/usr/bin/env python3
"""Launch to first screen of the interactive reader, as a user sees it.

    scripts/first-screen.py [--size COLSxROWS] -- target/release/cyberreader --db LIBRARY

Starts the command in a pseudo-terminal of the given size (120x40 by default) and prints the
time from the start until the terminal has been sent a whole first screen: the list's title,
the article pane's percentage and the sidebar's "People (" heading. Then kills the reader with
SIGKILL (the library survives that; see tests/library_promises.rs). Point HOME and XDG_* at a
temporary directory when you run it, as the tests do.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main():
    args = sys.argv[1:]
    cols, rows = 120, 40
    if args[:1] == ["--size"]:
        cols, rows = (int(n) for n in args[1].split("x"))
        args = args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(args[0], args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    first = None
    while time.monotonic() - start < 30:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if b"Articles" in seen and b"%" in seen and b"People (" in seen:
            first = time.monotonic() - start
            break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if first is None:
        sys.exit("no first screen within 30 s")
    print(f"first screen {first * 1000:.0f} ms")


main()
