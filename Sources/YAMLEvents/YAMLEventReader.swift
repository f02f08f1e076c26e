// libyaml's C API, nothing more, behind a safe visitor: this module owns the parser
// struct, its events and their pointers, as the PCRE2 module does for PCRE2.
//
// CYaml is the libyaml copy inside Yams (a target, not a product of that package): it is
// built with Yams, which phi-scan depends on, and reading its events directly skips the
// per-node objects, tags and duplicate-key dictionaries that Yams' composer builds.
import CYaml

/// One parsing event of a YAML stream, as libyaml reports it.
public struct YAMLEvent {
  public enum Kind: Equatable, Sendable {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }

  /// How a scalar was written (libyaml's and Yams' numbering).
  public enum ScalarStyle: Int, Sendable {
    case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var kind: Kind
  /// 1-based line and column of the event's start; columns count Unicode scalars.
  public var line: Int
  public var column: Int
  /// The scalar's value (empty for other events).
  public var text: String
  public var style: ScalarStyle
  /// True when the node carries an anchor (`&a`) or an explicit tag (`!!str`, `!x`).
  public var isDecorated: Bool
}

public enum YAMLEventReader {
  /// Visits the events of the UTF-8 stream `bytes` in order until `visit` returns false
  /// or the stream ends. Returns false when libyaml reports an error (the caller reads the
  /// stream another way to describe it), true otherwise.
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (YAMLEvent) -> Bool) -> Bool {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return false }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    // libyaml reads at most `size` bytes; an empty buffer may have no base address.
    var empty: UInt8 = 0
    return withUnsafePointer(to: &empty) { fallback in
      yaml_parser_set_input_string(&parser, bytes.baseAddress ?? fallback, bytes.count)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else { return false }
        let described = describe(event)
        yaml_event_delete(&event)
        if described.kind == .streamEnd || !visit(described) { return true }
      }
    }
  }

  static func describe(_ event: yaml_event_t) -> YAMLEvent {
    var result = YAMLEvent(
      kind: .streamStart, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
      text: "", style: .any, isDecorated: false)
    switch event.type {
    case YAML_STREAM_START_EVENT: result.kind = .streamStart
    case YAML_STREAM_END_EVENT: result.kind = .streamEnd
    case YAML_DOCUMENT_START_EVENT: result.kind = .documentStart
    case YAML_DOCUMENT_END_EVENT: result.kind = .documentEnd
    case YAML_ALIAS_EVENT:
      result.kind = .alias
      result.isDecorated = true
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      result.kind = .scalar
      // A scalar may hold NUL (from a `\0` escape): its length counts, not a terminator.
      result.text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      result.style = YAMLEvent.ScalarStyle(rawValue: Int(scalar.style.rawValue)) ?? .any
      result.isDecorated = scalar.anchor != nil || scalar.tag != nil
    case YAML_SEQUENCE_START_EVENT:
      result.kind = .sequenceStart
      result.isDecorated = event.data.sequence_start.anchor != nil || event.data.sequence_start.tag != nil
    case YAML_SEQUENCE_END_EVENT: result.kind = .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      result.kind = .mappingStart
      result.isDecorated = event.data.mapping_start.anchor != nil || event.data.mapping_start.tag != nil
    case YAML_MAPPING_END_EVENT: result.kind = .mappingEnd
    default: result.kind = .streamEnd  // YAML_NO_EVENT: libyaml has nothing more
    }
    return result
  }
}
