"""A FastMCP-style server (the MCP Python SDK's MCPServer) whose tool definitions hold
synthetic PHI: an SSN in a Literal enum, an MRN as a default, a name and birth date in a
description. Every value is fake. Used by Tests/PHIScanTests/MCP.

    python3 clinic_server.py                    stdio
    python3 clinic_server.py http PORT [json]   Streamable HTTP on 127.0.0.1:PORT (/mcp),
                                                SSE answers, or JSON answers with 'json'
"""
import os
import sys

if len(sys.argv) > 2 and sys.argv[1] == "http":
    # A long-running server started by a test must not hold the pipes of other tests'
    # processes that it inherited (they would never see end-of-file): close them.
    os.closerange(3, 65536)

from typing import Literal

from pydantic import Field

from mcp.server import MCPServer

mcp = MCPServer(
    "clinic-records",
    instructions="Use lookup_member to read synthetic eligibility records. Never guess a member.",
)


@mcp.tool()
def lookup_member(
    member: Literal["unknown", "512-43-8876"],
    mrn: str = "MRN-00482913",
    visit_type: Literal["new", "follow-up"] = "new",
) -> str:
    """Looks up the eligibility of a member."""
    return "ok"


@mcp.tool(title="Chart summary")
def chart_summary(
    chart: str = Field(description="Chart of patient Maria Gonzalez, born 1984-03-12, MRN 00482913."),
) -> str:
    """Summarizes a chart."""
    return "ok"


@mcp.prompt()
def follow_up(member_id: str) -> str:
    """Drafts a follow-up note for a member."""
    return f"Draft a follow-up for {member_id}."


@mcp.resource("records://members/{member_id}")
def member_record(member_id: str) -> str:
    """One member's record."""
    return "{}"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "http":
        mcp.run("streamable-http", host="127.0.0.1", port=int(sys.argv[2]), json_response=len(sys.argv) > 3 and sys.argv[3] == "json")
    else:
        print("clinic-records: starting on stdio", file=sys.stderr)
        mcp.run()
