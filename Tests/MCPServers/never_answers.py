"""A server that never answers: it starts a child (so the whole process group must be
stopped), ignores SIGTERM (so SIGKILL must follow), writes both process ids to the file
named by its argument, and sleeps."""
import os
import signal
import subprocess
import sys
import time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(sys.argv[1], "w") as f:
    f.write(f"{os.getpid()} {child.pid}\n")
print("clinic-records: waiting forever", file=sys.stderr, flush=True)
while True:
    time.sleep(1)
