import Foundation
import Testing

/// JSON with comments in a tree: configs scan cleanly, `.jsonc` files are found, and a
/// finding after a comment sits at its exact place.
@Suite struct CLIJSONCTests {
  @Test func treeWithCommentedTSConfigsScansWithExitZero() throws {
    let tsconfig = """
      {
        // Visit https://aka.ms/tsconfig to read more about this file
        "compilerOptions": {
          /* Language and Environment */
          "target": "es2022",                                  /* Set the JavaScript language version. */
          "paths": { "@/*": ["./src/*"] },
        },
        "include": ["src/**/*.ts",], // trailing commas are fine too
      }
      """
    let dir = try CLIExitCodeTests.directory([
      "tsconfig.json": tsconfig, "packages/app/tsconfig.json": tsconfig,
      ".vscode/settings.json": "{\n  // editor\n  \"editor.tabSize\": 2,\n}\n",
    ])
    let run = try CLIExitCodeTests.run(["scan", "--hidden", "."], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }

  @Test func jsoncFilesAreDiscoveredAndPositionsFollowComments() throws {
    let text = "/* é 🩺 */ {\"type\": \"object\", /* x */ \"properties\": {\"member\": {\"const\": \"512-43-8876\"}},}\n"
    let dir = try CLIExitCodeTests.directory(["schemas/member.jsonc": text])
    let run = try CLIExitCodeTests.run(["scan", "schemas"], in: dir)
    #expect(run.status == 1)
    #expect(
      run.stdout.contains("schemas/member.jsonc:1:73  error  us-ssn  ssn  const  /properties/member/const"),
      "\(run.stdout)")
  }
}
