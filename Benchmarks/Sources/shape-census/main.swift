// Counts files and extracted strings per shape: shape-census DIR
// For checking recognition on real-world folders (e.g. ../shared/realworld).
import Foundation
@_spi(Internals) import PHIScan

guard CommandLine.arguments.count == 2 else {
  print("usage: shape-census DIR")
  exit(2)
}
let root = CommandLine.arguments[1]
var filesByShape: [String: Int] = [:]
var stringsByShape: [String: Int] = [:]
var files = 0
var withoutShape = 0
var notes: [String: Int] = [:]
let enumerator = FileManager.default.enumerator(atPath: root)
while let relative = enumerator?.nextObject() as? String {
  let path = root + "/" + relative
  guard let format = DocumentFormat.forPath(path), let data = FileManager.default.contents(atPath: path) else {
    continue
  }
  files += 1
  let bytes = [UInt8](data)
  let source = SourceText(bytes)
  var shapes: Set<String> = []
  for document in DocumentLoader.load(bytes, format: format).documents {
    let extraction = ShapeRecognizer.extract(from: document, source: source)
    shapes.formUnion(extraction.shapes)
    for string in extraction.strings { stringsByShape[string.context.shape, default: 0] += 1 }
    for note in extraction.notes { notes[note.code.rawValue, default: 0] += 1 }
  }
  if shapes.isEmpty { withoutShape += 1 }
  for shape in shapes { filesByShape[shape, default: 0] += 1 }
}
print("\(files) files, \(withoutShape) with no shape")
for (shape, count) in filesByShape.sorted(by: { $0.key < $1.key }) {
  print("\(shape): \(count) files, \(stringsByShape[shape] ?? 0) strings")
}
for (code, count) in notes.sorted(by: { $0.key < $1.key }) { print("note \(code): \(count)") }
