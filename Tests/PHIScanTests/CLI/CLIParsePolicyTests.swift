import Foundation
import Testing

@testable import PHIScan

/// What a file that does not parse does to the run: named, an error (exit 2); found by
/// walking, a warning unless strict; a template, a note; data phi-scan could not finish
/// (too deep), an error either way.
@Suite struct CLIParsePolicyTests {
  typealias CLI = CLIExitCodeTests

  static let helm =
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.extra }}\ndata:\n  a: b\n{{- end }}\n"
  static let jinja = "{% for x in items %}\n- name: {{ x }}\n{% endfor %}\n  bad: [\n"

  @Test func aDiscoveredFileThatDoesNotParseIsAWarning() throws {
    let dir = try CLI.directory([
      "a.json": CLI.positive, "sub/b.json": "{\"type\": ", "c.jsonl": "{\"a\": 1}\n{broken\n",
    ])
    let never = try CLI.run(["scan", "--fail-on", "never", "-f", "json"], in: dir)
    #expect(never.status == 0, "\(never.stderr)")
    #expect(never.stderr.contains("warning: sub/b.json:1:10: "))
    #expect(never.stderr.contains("--strict"))
    #expect(never.stderr.contains("warning: c.jsonl:2:"))
    #expect(never.stdout.contains(#""severity":"warning""#))
    let text = try CLI.run(["scan", "--fail-on", "never"], in: dir)
    #expect(text.stdout.contains("in 3 files; 2 files not fully parsed (warnings)"), "\(text.stdout)")
    // Findings elsewhere decide the exit code as usual.
    #expect(try CLI.run(["scan"], in: dir).status == 1)
    // Strict, by flag or config key, it is an error.
    #expect(try CLI.run(["scan", "--fail-on", "never", "--strict"], in: dir).status == 2)
    try "strict: true\n".write(to: dir.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    let strict = try CLI.run(["scan", "--fail-on", "never"], in: dir)
    #expect(strict.status == 2)
    #expect(strict.stderr.contains("error: sub/b.json:1:10: "))
    try "strict: false\n".write(to: dir.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["scan", "--fail-on", "never"], in: dir).status == 0)
  }

  @Test func aNamedFileThatDoesNotParseIsAnError() throws {
    let dir = try CLI.directory(["b.json": "{\"type\": "])
    let run = try CLI.run(["scan", "b.json", "--fail-on", "never"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("error: b.json:1:10: "))
    // Standard input was named too.
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["scan", "-", "--fail-on", "never"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data("{\"a\": ".utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
  }

  @Test func dataTooDeepToFinishStaysAnError() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let dir = try CLI.directory(["deep.json": deep])
    let run = try CLI.run(["scan", "--fail-on", "never"], in: dir)
    #expect(run.status == 2, "valid data phi-scan could not read must not pass quietly: \(run.stderr)")
  }

  @Test func templatesAreSkippedWithANote() throws {
    let quoted = "name: \"{{ .Values.name }}\"\ntype: object\nproperties:\n  a:\n    const: \"512-43-8876\"\n"
    let dir = try CLI.directory([
      "templates/cm.yaml": Self.helm, "roles.yml": Self.jinja, "quoted.yaml": quoted, "plain.yaml": "a: [\n",
    ])
    let named = try CLI.run(["scan", "templates/cm.yaml", "roles.yml", "--strict"], in: dir)
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stderr.contains("note: templates/cm.yaml: skipped: a template ({{ }})"))
    #expect(named.stderr.contains("note: roles.yml: skipped: a template ({% %})"))
    #expect(named.stdout.contains("0 findings in 2 files; 2 templates skipped"), "\(named.stdout)")
    // A templated file that parses is scanned like any other.
    #expect(try CLI.run(["scan", "quoted.yaml"], in: dir).status == 1)
    // Broken YAML without template markers is still a parse error.
    #expect(try CLI.run(["scan", "plain.yaml"], in: dir).status == 2)
  }

  @Test func templateMarkersNeedAnOpeningAndAClosing() {
    #expect(ParsePolicy.templateMarker(Array("a: {{ b }}".utf8)) == "{{ }}")
    #expect(ParsePolicy.templateMarker(Array("{%- if x %}".utf8)) == "{% %}")
    #expect(ParsePolicy.templateMarker(Array("a: {{\n}}".utf8)) == nil)
    #expect(ParsePolicy.templateMarker(Array("a: {b: {c: 1}}".utf8)) == nil)
    #expect(ParsePolicy.templateMarker(Array("{".utf8)) == nil)
  }
}
