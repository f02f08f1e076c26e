"""A lowlevel MCP server (the Python SDK's Server) whose tools/list comes in pages of
two tools, following nextCursor: eight tools, four pages. The tool on the last page
holds a synthetic SSN in a const, so only a client that reads every page finds it."""
import anyio

import mcp.types as types
from mcp.server import Server
from mcp.server.stdio import stdio_server

PAGE = 2
TOOLS = [
    types.Tool(
        name=f"tool_{i}",
        description=f"Tool number {i}.",
        input_schema={
            "type": "object",
            "properties": {"member": {"type": "string", "const": "219-48-3017"} if i == 7 else {"type": "string"}},
        },
    )
    for i in range(8)
]


async def list_tools(ctx, params):
    start = int(params.cursor) if params is not None and params.cursor else 0
    end = start + PAGE
    return types.ListToolsResult(tools=TOOLS[start:end], next_cursor=str(end) if end < len(TOOLS) else None)


server = Server("paged-tools", on_list_tools=list_tools)


async def main():
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


anyio.run(main)
