"""A server that writes a banner to standard output (where only JSON-RPC may go) when the
client speaks, then waits."""
import sys
import time

sys.stdin.readline()
print("Welcome to the clinic server v1.0!", flush=True)
print("clinic-records: banner printed", file=sys.stderr, flush=True)
time.sleep(600)
