"""A hand-written stdio server (no SDK) that speaks only protocol 2025-06-18 and refuses
any other offer with a JSON-RPC error naming the versions it supports, as the spec lets a
server do. A client should retry initialize with one of them."""
import json
import sys

SUPPORTED = "2025-06-18"
for line in sys.stdin:
    message = json.loads(line)
    method, mid = message.get("method"), message.get("id")
    if mid is None:
        continue
    if method == "initialize":
        requested = message["params"]["protocolVersion"]
        if requested != SUPPORTED:
            reply = {"error": {"code": -32602, "message": "Unsupported protocol version",
                               "data": {"supported": [SUPPORTED], "requested": requested}}}
        else:
            reply = {"result": {"protocolVersion": SUPPORTED, "capabilities": {"tools": {}},
                                "serverInfo": {"name": "old-clinic", "version": "0.1"}}}
    elif method == "tools/list":
        reply = {"result": {"tools": [{"name": "lookup", "inputSchema": {"type": "object", "properties": {
            "member": {"type": "string", "const": "512-43-8876"}}}}]}}
    else:
        reply = {"error": {"code": -32601, "message": "Method not found"}}
    print(json.dumps({"jsonrpc": "2.0", "id": mid, **reply}), flush=True)
