// Writes Sources/PHIScan/Detection/BuiltinPacks+Generated.swift from patterns/: the
// built-in packs and the lexicons they name, embedded in the binary. Run from the
// package root after editing a pack or a lexicon:
//   swift run generate-builtins
// BuiltinPacksTests fails when the generated file is stale. The renderer reads YAML
// through PHIScan, which holds the generated file: if a change to `LexiconTable` leaves
// the file unable to compile, empty its two lists by hand, then run this.
import BuiltinPacksRendering
import Foundation

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("generate-builtins: \(message)\n".utf8))
  exit(1)
}

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let base = root.appendingPathComponent("patterns")
var files: [(path: String, text: String)] = []
let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
while let url = enumerator?.nextObject() as? URL {
  guard ["yaml", "txt", "tsv"].contains(url.pathExtension) else { continue }
  let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
  do {
    files.append((relative, try String(contentsOf: url, encoding: .utf8)))
  } catch {
    fail("cannot read \(url.path): \(error.localizedDescription)")
  }
}
guard !files.isEmpty else { fail("no packs under \(base.path); run it from the package root") }
let target = root.appendingPathComponent(BuiltinPacksRenderer.generatedPath)
do {
  let rendered = try BuiltinPacksRenderer.render(files)
  try Data(rendered.utf8).write(to: target, options: .atomic)
  print("wrote \(target.path) from \(files.count) files")
} catch {
  fail("\(error)")
}
