"""A server that fails before speaking: a message on standard error, exit status 3."""
import sys

print("clinic-records: cannot read config.toml (No such file or directory)", file=sys.stderr)
sys.exit(3)
