/// Walks one JSON Schema and extracts every string a provider would cache, with its site.
///
/// Table-driven over the union of the drafts: keywords that hold subschemas are walked
/// as schemas, keywords that hold data (`enum`, `const`, `default`, `examples`) are
/// walked as data, so a property named `enum` is a property, never the keyword.
public enum SchemaWalker {
  /// Keywords whose value is one subschema.
  static let singleSubschema: Set<String> = [
    "additionalProperties", "additionalItems", "items", "contains", "not", "if", "then", "else",
    "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
  ]
  /// Keywords whose value is an array of subschemas.
  static let subschemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
  /// Keywords whose value is an object of subschemas, with the site of their keys.
  static let subschemaMap: [String: Site?] = [
    "properties": .propertyName, "patternProperties": .patternProperty,
    "$defs": .defsKey, "definitions": .defsKey, "dependentSchemas": nil,
  ]
  /// Keywords whose value is data: each string inside is a candidate of that site.
  static let dataKeywords: [String: Site] = [
    "enum": .enum, "const": .const, "default": .default, "examples": .examples, "example": .examples,
  ]
  /// Keywords whose string value is prose or a regex.
  static let textKeywords: [String: Site] = ["title": .title, "description": .description, "pattern": .pattern]
  /// Vocabulary: keyword values that name types, formats or references, never candidates.
  static let vocabulary: Set<String> = [
    "type", "format", "$ref", "$schema", "$id", "id", "$anchor", "$dynamicRef", "$dynamicAnchor",
    "$recursiveRef", "$recursiveAnchor", "$vocabulary", "contentEncoding", "contentMediaType",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
    "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems",
    "minContains", "maxContains", "readOnly", "writeOnly", "deprecated", "nullable", "strict",
    "additionalProperties",
  ]

  /// Every candidate string of the schema at `node`, whose pointer is `pointer`.
  public static func extract(from node: Node, at pointer: JSONPointer, context: SchemaContext) -> [ExtractedString] {
    var output: [ExtractedString] = []
    walkSchema(node, pointer, context, [], &output)
    return output
  }

  static func walkSchema(_ node: Node, _ pointer: JSONPointer, _ context: SchemaContext, _ path: [String], _ output: inout [ExtractedString]) {
    guard let members = node.members else { return }  // `true`/`false` schemas hold no strings
    for member in members {
      let key = member.key
      let value = member.value
      let here = pointer.appending(key)
      if let site = dataKeywords[key] {
        if key == "examples" || key == "enum", let elements = value.elements {
          for (i, element) in elements.enumerated() {
            walkData(element, here.appending(index: i), site, context, path, &output)
          }
        } else {
          walkData(value, here, site, context, path, &output)
        }
      } else if let site = textKeywords[key] {
        if let text = value.string {
          output.append(ExtractedString(text: text, site: site, pointer: here, range: value.range, context: context, propertyPath: path))
        }
      } else if let keySite = subschemaMap[key] {
        guard let entries = value.members else { continue }
        for entry in entries {
          let entryPointer = here.appending(entry.key)
          if let keySite {
            output.append(ExtractedString(text: entry.key, site: keySite, pointer: entryPointer, range: entry.keyRange, context: context, propertyPath: path))
          }
          let childPath = key == "properties" ? path + [entry.key] : path
          walkSchema(entry.value, entryPointer, context, childPath, &output)
        }
      } else if key == "required" {
        for (i, element) in (value.elements ?? []).enumerated() {
          if let text = element.string {
            output.append(ExtractedString(text: text, site: .required, pointer: here.appending(index: i), range: element.range, context: context, propertyPath: path))
          }
        }
      } else if key == "dependentRequired" || key == "dependencies" {
        // Values are arrays of property names (or, for `dependencies`, subschemas).
        for entry in value.members ?? [] {
          let entryPointer = here.appending(entry.key)
          if let names = entry.value.elements {
            for (i, name) in names.enumerated() {
              if let text = name.string {
                output.append(ExtractedString(text: text, site: .required, pointer: entryPointer.appending(index: i), range: name.range, context: context, propertyPath: path))
              }
            }
          } else {
            walkSchema(entry.value, entryPointer, context, path, &output)
          }
        }
      } else if subschemaArray.contains(key), let elements = value.elements {
        for (i, element) in elements.enumerated() {
          walkSchema(element, here.appending(index: i), context, path, &output)
        }
      } else if singleSubschema.contains(key) {
        walkSchema(value, here, context, path, &output)
      } else if vocabulary.contains(key) {
        continue
      } else {
        // Unknown keywords and `x-*` extensions: their strings still travel with the schema.
        walkData(value, here, .other, context, path, &output)
      }
    }
  }

  /// Every string (and number, whose digits may be an identifier) inside a data value;
  /// object keys inside data are data too.
  static func walkData(_ node: Node, _ pointer: JSONPointer, _ site: Site, _ context: SchemaContext, _ path: [String], _ output: inout [ExtractedString]) {
    switch node.value {
    case .string(let text):
      output.append(ExtractedString(text: text, site: site, pointer: pointer, range: node.range, context: context, propertyPath: path))
    case .number(let text):
      output.append(ExtractedString(text: text, site: site, pointer: pointer, range: node.range, context: context, propertyPath: path))
    case .object(let members):
      for member in members {
        let memberPointer = pointer.appending(member.key)
        output.append(ExtractedString(text: member.key, site: site, pointer: memberPointer, range: member.keyRange, context: context, propertyPath: path))
        walkData(member.value, memberPointer, site, context, path, &output)
      }
    case .array(let elements):
      for (i, element) in elements.enumerated() {
        walkData(element, pointer.appending(index: i), site, context, path, &output)
      }
    case .bool, .null:
      break
    }
  }
}
