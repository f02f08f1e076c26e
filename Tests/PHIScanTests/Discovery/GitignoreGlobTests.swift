import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct GitignoreGlobTests {
  func matches(_ pattern: String, _ path: String, directory: Bool = false) throws -> Bool {
    try GitignoreGlob(pattern).matches(path, isDirectory: directory)
  }

  @Test func nameOnlyPatternsMatchAtAnyDepth() throws {
    #expect(try matches("*.json", "a.json"))
    #expect(try matches("*.json", "deep/er/a.json"))
    #expect(try !matches("*.json", "a.jsonl"))
    #expect(try matches("node_modules", "x/node_modules", directory: true))
  }

  @Test func slashAnchorsThePattern() throws {
    #expect(try matches("/build", "build", directory: true))
    #expect(try !matches("/build", "src/build", directory: true))
    #expect(try matches("src/*.json", "src/a.json"))
    #expect(try !matches("src/*.json", "lib/src/a.json"))
    #expect(try !matches("src/*.json", "src/x/a.json"))
  }

  @Test func doubleStarCrossesDirectories() throws {
    #expect(try matches("**/fixtures", "fixtures", directory: true))
    #expect(try matches("**/fixtures", "a/b/fixtures", directory: true))
    #expect(try matches("vendor/**", "vendor/a/b.json"))
    #expect(try !matches("vendor/**", "vendor", directory: true))
    #expect(try matches("a/**/z.json", "a/z.json"))
    #expect(try matches("a/**/z.json", "a/b/c/z.json"))
    #expect(try !matches("a/**/z.json", "b/a/z.json"))
  }

  @Test func trailingSlashMatchesDirectoriesOnly() throws {
    #expect(try matches("cache/", "cache", directory: true))
    #expect(try !matches("cache/", "cache", directory: false))
  }

  @Test func questionMarksSetsAndEscapes() throws {
    #expect(try matches("file?.json", "file1.json"))
    #expect(try !matches("file?.json", "file10.json"))
    #expect(try matches("[ab]*.json", "beta.json"))
    #expect(try !matches("[!ab]*.json", "beta.json"))
    #expect(try matches("[a-c][0-9].yml", "c7.yml"))
    #expect(try matches("\\*.json", "*.json"))
    #expect(try !matches("\\*.json", "x.json"))
    #expect(try matches("caf[é]", "café"))
    #expect(try matches("?.json", "é.json"))
  }

  @Test func invalidPatternsAreRejectedWithAReason() {
    #expect(throws: GitignoreGlob.SyntaxError.self) { try GitignoreGlob("[abc") }
    #expect(throws: GitignoreGlob.SyntaxError.self) { try GitignoreGlob("") }
    #expect(throws: GitignoreGlob.SyntaxError.self) { try GitignoreGlob("a\\") }
    #expect(throws: GitignoreGlob.SyntaxError.self) { try GitignoreGlob("[z-a]") }
  }

  @Test func manyStarsStayFast() throws {
    // The memo of failed states keeps this linear-ish instead of exponential.
    let glob = try GitignoreGlob("*a*a*a*a*a*a*a*a*a*a*a*b")
    #expect(!glob.matches(String(repeating: "a", count: 200), isDirectory: false))
  }

  @Test func ignoreFileSemantics() {
    let text = "# comment\n\n*.log\n!keep.log\nbuild/\n/root-only.json\nescaped\\ \n"
    let (file, invalid) = IgnoreFile.parse(text, directory: "/repo")
    #expect(invalid.isEmpty)
    #expect(file.verdict(relativePath: "x/debug.log", isDirectory: false) == true)
    #expect(file.verdict(relativePath: "x/keep.log", isDirectory: false) == false)
    #expect(file.verdict(relativePath: "a/build", isDirectory: true) == true)
    #expect(file.verdict(relativePath: "a/build", isDirectory: false) == nil)
    #expect(file.verdict(relativePath: "root-only.json", isDirectory: false) == true)
    #expect(file.verdict(relativePath: "sub/root-only.json", isDirectory: false) == nil)
    #expect(file.verdict(relativePath: "escaped ", isDirectory: false) == true)
  }

  @Test func shardsPartitionTheFiles() throws {
    let paths = (0..<200).map { "dir/file-\($0).json" }
    var owners: [String: Int] = [:]
    for index in 1...3 {
      let shard = try #require(DiscoveryOptions.Shard(index: index, count: 3))
      for path in paths where shard.contains(reportPath: path) {
        #expect(owners[path] == nil)
        owners[path] = index
      }
    }
    #expect(owners.count == paths.count)
    #expect(Set(owners.values) == [1, 2, 3])
    #expect(DiscoveryOptions.Shard(parsing: "0/3") == nil)
    #expect(DiscoveryOptions.Shard(parsing: "4/3") == nil)
    #expect(DiscoveryOptions.Shard(parsing: "2/3") == DiscoveryOptions.Shard(index: 2, count: 3))
    #expect(DiscoveryOptions.Shard(parsing: "2/3")?.automationID == "phi-scan/shard-2-of-3/")
  }

  @Test func sizesParse() {
    #expect(DiscoveryOptions.parseSize("50M") == 50 << 20)
    #expect(DiscoveryOptions.parseSize("512k") == 512 << 10)
    #expect(DiscoveryOptions.parseSize("1G") == 1 << 30)
    #expect(DiscoveryOptions.parseSize("1234") == 1234)
    #expect(DiscoveryOptions.parseSize("lots") == nil)
    #expect(DiscoveryOptions.parseSize("-1") == nil)
  }
}
