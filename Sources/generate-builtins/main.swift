// Writes Sources/PHIScan/Detection/BuiltinPacks+Generated.swift from patterns/: the
// built-in packs and lexicons embedded in the binary. Run from the package root:
//   swift run generate-builtins
// BuiltinPacksTests fails when the generated file is stale.
import Foundation
import PHIScan

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
    FileHandle.standardError.write(Data("generate-builtins: cannot read \(url.path): \(error.localizedDescription)\n".utf8))
    exit(1)
  }
}
files.sort { $0.path < $1.path }
guard !files.isEmpty else {
  FileHandle.standardError.write(Data("generate-builtins: no packs under \(base.path); run it from the package root\n".utf8))
  exit(1)
}
let target = root.appendingPathComponent("Sources/PHIScan/Detection/BuiltinPacks+Generated.swift")
do {
  let rendered = try BuiltinPacksRenderer.render(files)
  try Data(rendered.utf8).write(to: target, options: .atomic)
  print("wrote \(target.path) from \(files.count) files")
} catch {
  FileHandle.standardError.write(Data("generate-builtins: \(error)\n".utf8))
  exit(1)
}
