/// HIPAA Safe Harbor identifier categories (45 CFR 164.514(b)(2)), `properties.category`.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
  case name, address, zip, dob, date, age, phone, fax, email, ssn, mrn, mbi
  case healthPlan = "health-plan"
  case account, license, vehicle, device, url, ip, biometric
  case otherID = "other-id"

  public static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
}
