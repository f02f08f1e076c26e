// GENERATED FILE: do not edit. Source: patterns/ (see BuiltinPacksRenderer).
// Regenerate with: UPDATE_GOLDEN=1 swift test --filter BuiltinPacks

enum BuiltinPacks {
  static let files: [(path: String, text: String)] = [
    (
      "us-identifiers.yaml",
      #"""
# U.S. government identifiers (HIPAA Safe Harbor). Synthetic examples only.
version: 1
pack: us-identifiers
description: U.S. Social Security numbers and related government identifiers.
rules:
  - id: us-ssn
    name: U.S. Social Security number
    category: ssn
    # Values only: a regex or a description that *describes* an SSN field is vocabulary.
    sites: [enum, const, default, examples]
    # Dashed or spaced SSN, not glued to other digits or dashes (so 2024-123-45-6789 is no SSN).
    regex: '(?<![0-9-])[0-9]{3}([- ])[0-9]{2}\1[0-9]{4}(?![0-9-])'
    validator: ssn
    level: error
    precision: high
    security-severity: 9.0
    summary: A literal U.S. Social Security number is stored in the schema.
    help: |
      The schema holds a value shaped like a Social Security number that passes the
      SSA validity rules (area not 000, 666 or 900-999; group not 00; serial not 0000).
      A schema may *describe* an SSN field (a property `ssn`, a pattern
      `^\d{3}-\d{2}-\d{4}$`), but a literal SSN in `enum`, `const`, `default` or
      `examples` is an individual's identifier, and the provider caches it.
    examples:
      match:
        - 512-43-8876
        - "SSN 482 19 5530"
        - 078-05-1120
      noMatch:
        - 000-12-3456
        - 666-12-3456
        - 912-34-5678
        - 512-00-8876
        - 512-43-0000
        - 2024-512-43-8876
        - 512-43-88761
        - '^\d{3}-\d{2}-\d{4}$'

"""#
    ),
  ]
}
