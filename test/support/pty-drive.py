# Drive a command through a real pseudo-terminal for test/repl.test.ts: steps of "send these bytes, then wait until this text appears".
#
# argv: a JSON file {"cmd": [...], "env": {...}, "steps": [{"send": str, "expect": str|null}], "timeout": seconds}.
# Each wait is for text that must come (never a fixed sleep); TIMEOUT only bounds a broken run.
# Prints JSON {"transcript": all output, "status": exit status or null, "failed": step index or null}.
import json, os, pty, re, select, sys, time

spec = json.load(open(sys.argv[1]))
pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    os.execvpe(spec["cmd"][0], spec["cmd"], env)

out = b""

def clean(b):
    """The output as a reader sees it: no terminal escapes, no carriage returns."""
    return re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", b).replace(b"\r", b"")

limit = float(spec.get("timeout", 30))

def wait_for(text, since):
    """Read until TEXT appears in the output after offset SINCE (or the child closes the terminal)."""
    global out
    end = time.time() + limit
    needle = text.encode("utf8") if text is not None else None
    while time.time() < end:
        if needle is not None and needle in clean(out)[since:]:
            return True
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                d = b""
            if not d:
                return needle is None
            out += d
    return False

failed = None
for i, step in enumerate(spec["steps"]):
    since = len(clean(out))
    if step.get("send"):
        os.write(fd, step["send"].encode("utf8"))
    if not wait_for(step.get("expect"), since):
        failed = i
        break

status = None
end = time.time() + (limit if failed is None else 2)
while time.time() < end:
    p, st = os.waitpid(pid, os.WNOHANG)
    if p == pid:
        status = os.waitstatus_to_exitcode(st)
        break
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            d = os.read(fd, 65536)
            out += d
        except OSError:
            pass
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print(json.dumps({"transcript": out.decode("utf8", "replace"), "status": status, "failed": failed}))
