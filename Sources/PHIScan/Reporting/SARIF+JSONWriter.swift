// The SARIF object model written by `JSONWriter`, its only serializer: members in byte
// order of their keys, optional ones left out when nil.

extension SARIF.Log {
  func write(to json: JSONWriter) {
    json.object { o in
      o.string("$schema", schema)
      o.array("runs", runs) { json, run in run.write(to: json) }
      o.string("version", version)
    }
  }
}

extension SARIF.Run {
  func write(to json: JSONWriter) {
    json.object { o in
      if let automationDetails { o.object("automationDetails") { $0.string("id", automationDetails.id) } }
      o.string("columnKind", columnKind)
      o.array("invocations", invocations) { json, invocation in invocation.write(to: json) }
      o.array("results", results) { json, result in result.write(to: json) }
      o.object("tool") { tool in tool.object("driver") { driver in self.tool.driver.write(to: &driver) } }
    }
  }
}

extension SARIF.Driver {
  func write(to o: inout JSONWriter.Members) {
    o.string("informationUri", informationUri)
    o.string("name", name)
    o.array("rules", rules) { json, rule in rule.write(to: json) }
    o.string("semanticVersion", semanticVersion)
  }
}

extension SARIF.ReportingDescriptor {
  func write(to json: JSONWriter) {
    json.object { o in
      o.object("defaultConfiguration") { $0.string("level", defaultConfiguration.level) }
      o.object("fullDescription") { $0.string("text", fullDescription.text) }
      o.object("help") { help in
        help.string("markdown", self.help.markdown)
        help.string("text", self.help.text)
      }
      o.string("id", id)
      o.string("name", name)
      o.object("properties") { p in
        p.string("category", properties.category)
        p.string("pack", properties.pack)
        p.string("precision", properties.precision)
        p.string("security-severity", properties.securitySeverity)
        p.array("tags", properties.tags) { json, tag in json.string(tag) }
      }
      o.object("shortDescription") { $0.string("text", shortDescription.text) }
    }
  }
}

extension SARIF.Invocation {
  func write(to json: JSONWriter) {
    json.object { o in
      o.bool("executionSuccessful", executionSuccessful)
      o.array("toolExecutionNotifications", toolExecutionNotifications) { json, notification in
        json.object { n in
          n.object("descriptor") { $0.string("id", notification.descriptor.id) }
          n.string("level", notification.level)
          if let locations = notification.locations {
            n.array("locations", locations) { json, location in
              json.object { l in l.object("physicalLocation") { location.physicalLocation.write(to: &$0) } }
            }
          }
          n.object("message") { $0.string("text", notification.message.text) }
        }
      }
    }
  }
}

extension SARIF.Result {
  func write(to json: JSONWriter) {
    json.object { o in
      o.string("level", level)
      o.array("locations", locations) { json, location in
        json.object { l in
          l.array("logicalLocations", location.logicalLocations) { json, logical in logical.write(to: json) }
          l.object("physicalLocation") { location.physicalLocation.write(to: &$0) }
        }
      }
      o.object("message") { $0.string("text", message.text) }
      o.object("partialFingerprints") { f in
        for key in partialFingerprints.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
          f.string(key, partialFingerprints[key] ?? "")
        }
      }
      o.object("properties") { p in
        p.bool("cached", properties.cached)
        p.string("category", properties.category)
        p.string("confidence", properties.confidence)
        p.string("mask", properties.mask)
        p.string("shape", properties.shape)
        p.string("site", properties.site)
      }
      if let relatedLocations {
        o.array("relatedLocations", relatedLocations) { json, related in
          json.object { r in
            r.int("id", related.id)
            r.array("logicalLocations", related.logicalLocations) { json, logical in logical.write(to: json) }
            r.object("message") { $0.string("text", related.message.text) }
            r.object("physicalLocation") { related.physicalLocation.write(to: &$0) }
          }
        }
      }
      o.string("ruleId", ruleId)
      o.int("ruleIndex", ruleIndex)
    }
  }
}

extension SARIF.LogicalLocation {
  func write(to json: JSONWriter) {
    json.object { o in
      o.string("fullyQualifiedName", fullyQualifiedName)
      o.string("kind", kind)
    }
  }
}

extension SARIF.PhysicalLocation {
  func write(to o: inout JSONWriter.Members) {
    o.object("artifactLocation") { $0.string("uri", artifactLocation.uri) }
    if let region { o.object("region") { region.write(to: &$0) } }
  }
}

extension SARIF.Region {
  func write(to o: inout JSONWriter.Members) {
    o.int("endColumn", endColumn)
    o.int("endLine", endLine)
    o.int("startColumn", startColumn)
    o.int("startLine", startLine)
  }
}
