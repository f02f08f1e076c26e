/// Limits that keep parsing bounded on hostile input.
public struct ParseLimits: Sendable, Hashable {
  /// Deepest allowed nesting of arrays and objects.
  public var maxDepth: Int = 512
  /// Most nodes a YAML document may expand to through aliases (the "billion laughs" guard).
  public var maxYAMLNodes: Int = 2_000_000
  /// Most nodes YAML aliases may add by repeating anchored collections; real files
  /// reuse a few definitions, a "billion laughs" reuses them exponentially.
  public var maxYAMLAliasNodes: Int = 100_000

  public init() {}
  public static let `default` = ParseLimits()
}
