/// CI definitions that look like schemas but are not: a GitHub Actions workflow
/// (`on:` and `jobs:`; its `workflow_dispatch.inputs` and `workflow_call.inputs` have
/// `description`, `type` and `default` like properties) and an action's metadata
/// (`action.yml`: `runs.using`, with `inputs`). Such a document is read as holding no
/// schema; a schema a workflow embeds is not sent to an LLM provider from there.
enum CIDefinitionShape {
  static func isCIDefinition(_ root: Node) -> Bool {
    guard root.members != nil else { return false }
    // YAML 1.1 readers may take the key `on` for a boolean; phi-scan keeps key text.
    if root["jobs"]?.members != nil, root["on"] != nil || root["true"] != nil { return true }
    if let runs = root["runs"], runs["using"]?.string != nil { return true }
    return false
  }
}
