/// MCP listings beyond `tools` (what `phi-scan mcp` collects, or saved `prompts/list` and
/// `resources/templates/list` results): the strings a client shows a model, outside any
/// schema. Tools themselves are `Recognition.tool`.
///
/// | id | where | cached |
/// |---|---|---|
/// | `mcp.server` | `instructions`, `serverInfo.title`, `serverInfo.description` of an `initialize` result | no (prompt text) |
/// | `mcp.prompt` | `prompts[].name`, `title`, `description`, `arguments[].name`, `.title`, `.description` | no |
/// | `mcp.resource_template` | `resourceTemplates[].name`, `title`, `description`, `uriTemplate` | no |
extension Recognition {
  static let promptKeys: Set<String> = ["name", "title", "description", "arguments", "icons", "_meta"]
  static let templateKeys: Set<String> = [
    "name", "title", "description", "uriTemplate", "mimeType", "icons", "annotations", "_meta",
  ]

  /// True when `node` held any of them.
  mutating func mcpServer(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    if let info = node["serverInfo"], info.members != nil, info["name"]?.string != nil {
      let here = pointer.appending("serverInfo")
      string(info["title"], here.appending("title"), .title, "mcp.server", cached: false, tool: nil)
      string(info["description"], here.appending("description"), .description, "mcp.server", cached: false, tool: nil)
      string(
        node["instructions"], pointer.appending("instructions"), .description, "mcp.server", cached: false, tool: nil)
      saw("mcp.server")
      found = true
    }
    if let prompts = node["prompts"]?.elements, Recognition.isList(prompts, keys: Recognition.promptKeys) {
      let here = pointer.appending("prompts")
      for (i, prompt) in prompts.enumerated() {
        let at = here.appending(index: i)
        let name = prompt["name"]?.string
        names(prompt, at, "mcp.prompt", cached: false)
        string(prompt["title"], at.appending("title"), .title, "mcp.prompt", cached: false, tool: name)
        guard let arguments = prompt["arguments"]?.elements else { continue }
        for (j, argument) in arguments.enumerated() {
          let argumentAt = at.appending("arguments").appending(index: j)
          string(argument["name"], argumentAt.appending("name"), .propertyName, "mcp.prompt", cached: false, tool: name)
          string(argument["title"], argumentAt.appending("title"), .title, "mcp.prompt", cached: false, tool: name)
          string(
            argument["description"], argumentAt.appending("description"), .description, "mcp.prompt", cached: false,
            tool: name)
        }
      }
      saw("mcp.prompt")
      found = true
    }
    if let templates = node["resourceTemplates"]?.elements,
      Recognition.isList(templates, keys: Recognition.templateKeys),
      templates.allSatisfy({ $0["uriTemplate"]?.string != nil })
    {
      let here = pointer.appending("resourceTemplates")
      for (i, template) in templates.enumerated() {
        let at = here.appending(index: i)
        let name = template["name"]?.string
        names(template, at, "mcp.resource_template", cached: false)
        string(template["title"], at.appending("title"), .title, "mcp.resource_template", cached: false, tool: name)
        string(
          template["uriTemplate"], at.appending("uriTemplate"), .other, "mcp.resource_template", cached: false,
          tool: name)
      }
      saw("mcp.resource_template")
      found = true
    }
    return found
  }

  /// A non-empty array of objects with a string `name` and no member outside `keys`: an
  /// MCP list, not any array that happens to be called `prompts`.
  static func isList(_ elements: [Node], keys: Set<String>) -> Bool {
    !elements.isEmpty
      && elements.allSatisfy { element in
        guard let members = element.members, element["name"]?.string != nil else { return false }
        return members.allSatisfy { keys.contains($0.key) }
      }
  }
}
