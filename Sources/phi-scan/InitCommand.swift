import ArgumentParser
import Foundation
import PHIScan

/// `phi-scan init`: writes a commented starter `.phi-scan.yml` in the current directory.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter .phi-scan.yml in the current directory.")

  @Flag(help: "Replace an existing .phi-scan.yml.")
  var force = false

  @Option(help: ArgumentHelp("Write the starter config to this file instead.", valueName: "file"))
  var output: String = ConfigFile.defaultName

  func run() throws {
    if !force && FileManager.default.fileExists(atPath: output) {
      Terminal.error(
        "phi-scan: \(output) already exists; edit it, or pass --force to replace it with the starter config")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    guard Output.write(to: output, { $0.write(Self.starter) }) else { throw ExitCode(ExitStatus.usageOrInput) }
    Terminal.error(
      "phi-scan: wrote \(output); every key in it is optional. Next: phi-scan scan (the config is found from any directory below it in the repository)"
    )
  }

  /// The starter config: every key, commented out, with what it does. Parsed by a test.
  static let starter = """
    # phi-scan configuration: https://github.com/phi-scan/phi-scan#configuration-phi-scanyml
    # Found in the current directory or the nearest directory above it in the Git
    # repository; --config FILE reads another. Every key is optional, and an unknown key
    # or a bad value stops the run (exit 2) with its line.
    version: 1

    # Rule levels by id (off, on, error, warning or note). `phi-scan rules` lists them,
    # `phi-scan explain RULE` says what one finds.
    # rules:
    #   us-ssn: error
    #   person-name: warning

    # Whole packs on or off (us-identifiers, contact, dates, names, ...).
    # packs:
    #   network: off

    # The lowest level reports show: note shows placeholders and weak evidence too.
    # min-level: warning

    # A file found by walking that is not valid JSON or YAML is a warning; true makes it
    # an error (exit 2), as it always is for a file named on the command line.
    # strict: true

    # Extra pattern packs, relative to this file.
    # patterns: [ci/phi-packs]

    # Which files are scanned: globs on report paths (a glob without / matches a name at
    # any depth; ** crosses directories).
    # include: ["schemas/**", "tools/**"]
    # exclude: ["**/fixtures/**", vendor, node_modules]

    # Scan only these sites of a schema.
    # sites: [enum, const, default, examples, pattern, property-name]

    # Accepted findings. Every given field must match; reason is required; an entry stops
    # working after `expires` (UTC) and each run then warns. The text report prints the
    # entry that accepts each finding.
    # allow:
    #   - rule: us-ssn
    #     path: "docs/examples/*.json"
    #     pointer: "/properties/*/examples/**"
    #     value: '^078-05-1120$'
    #     reason: SSA's published example number, used in the docs
    #     expires: 2027-06-30

    """
}
