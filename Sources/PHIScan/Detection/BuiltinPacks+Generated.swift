// GENERATED FILE: do not edit. Source: patterns/ (see BuiltinPacksRenderer).
// Regenerate with: UPDATE_GOLDEN=1 swift test --filter BuiltinPacks

enum BuiltinPacks {
  static let files: [(path: String, text: String)] = [
    (
      "accounts-licenses.yaml",
      #"""
# Account numbers and certificate/licence numbers (HIPAA Safe Harbor J, K). Synthetic examples only.
version: 1
pack: accounts-licenses
description: Payment cards, IBANs, account numbers, DEA and NPI numbers, licence and certificate numbers.
rules:
  - id: payment-card
    name: Payment card number
    category: account
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?<![0-9A-Za-z.-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z]|[ -][0-9])'
    validator: card
    needs: [digit]
    context: [card, credit card, card number, payment, pan]
    level: error
    precision: high
    security-severity: 8.0
    summary: A payment card number (Luhn-valid, known issuer) is stored in the schema.
    help: |
      Card numbers pass the Luhn check and start with a known issuer prefix at the
      issuer's length. Gateway test cards (the 4111... and 4242... numbers) are
      placeholders. Fix: use a gateway test card in examples.
    examples:
      match: ["4539 1488 0343 6467", "5425-2334-3010-9903", "4111111111111111"]
      noMatch: ["4539 1488 0343 6468", "1234 5678 9012 3456", "0000000000000000", "2024-01-01 12:30"]

  - id: iban
    name: International bank account number
    category: account
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b'
    validator: iban
    needs: [digit, upper]
    level: error
    precision: high
    security-severity: 7.5
    summary: An IBAN (mod-97 valid) is stored in the schema.
    help: |
      IBANs identify one bank account. The standard's and banks' published examples are
      placeholders. Fix: use the standard's example IBAN.
    examples:
      match: ["DE44 5001 0517 5407 3249 31", "GB33BUKB20201555555555", "GB82 WEST 1234 5698 7654 32"]
      noMatch: ["DE44 5001 0517 5407 3249 32", "AB12 CDEF GHIJ", "US00 0000 0000"]

  - id: account-number
    name: Account number under an account field
    category: account
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9.-])[0-9][0-9-]{4,18}[0-9](?![A-Za-z0-9.-])'
    validator: identifier
    needs: [digit]
    context: [account number, account no, account num, acct, acct no, acct number, bank account, billing account, account id, guarantor account, patient account]
    context-required: true
    level: warning
    precision: medium
    security-severity: 6.5
    summary: A number sits under an account-number field.
    help: |
      Bank, billing and patient account numbers have no common format, so only an account
      field makes a number an account number. Fix: remove the value.
    examples:
      context: patient_account_number
      match: ["004829133", "7720-0041-8812"]
      noMatch: ["1234", "12-34", "ABCDEFGH"]

  - id: account-number-labeled
    name: Labeled account number
    category: account
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?i)\b(?:account|acct)[ _-]?(?:no|number|num|#)\.?[ :#=_-]*\K[0-9][0-9-]{4,16}[0-9]\b'
    validator: identifier
    needs: [digit]
    level: error
    precision: high
    security-severity: 6.5
    summary: A value labeled as an account number is stored in the schema.
    help: |
      The string names itself ("Account No." followed by digits). Fix: remove the value.
    examples:
      match: ["Account No. 004829133", "acct_number_7720004188"]
      noMatch: ["account number", "Account #1234", "account_id"]

  - id: dea-number
    name: DEA registration number
    category: license
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?<![A-Za-z0-9-])[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}(?![A-Za-z0-9])'
    validator: dea
    needs: [digit, upper]
    context: [dea, dea number, dea registration, registration, prescriber, controlled substance]
    level: warning
    context-level: error
    precision: medium
    security-severity: 5.5
    summary: A DEA registration number (check digit valid) is stored in the schema.
    help: |
      DEA numbers are two letters and seven digits whose last digit is a check over the
      first six. They identify a prescriber. Worked examples from DEA documentation are
      placeholders. Fix: remove the value.
    examples:
      match: ["FN5623740", "BJ6125341", "AB1234563"]
      noMatch: ["FN5623741", "AB123456", "ZZ1234563", "FN56237400"]

  - id: npi-number
    name: National Provider Identifier under a provider field
    category: license
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?<![0-9A-Za-z.-])[12][0-9]{9}(?![0-9A-Za-z.-])'
    validator: npi
    needs: [digit]
    context: [npi, national provider, national provider identifier, provider id, provider number, prescriber, practitioner, rendering provider, billing provider, attending]
    context-required: true
    level: warning
    precision: medium
    security-severity: 4.5
    summary: A National Provider Identifier (Luhn with prefix 80840) sits under a provider field.
    help: |
      One random ten-digit number in ten passes the NPI check, so the rule needs an NPI or
      provider field. CMS's worked example is a placeholder.
      Fix: remove the value.
    examples:
      context: npi
      match: ["1518273648", "NPI 1684012937", "1234567893"]
      noMatch: ["1518273646", "1111111111", "3518273645", "2147483647"]

  - id: license-number
    name: Licence or certificate number under a licence field
    category: license
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9-])[A-Z]{0,3}-?[0-9][0-9-]{3,12}[0-9](?![A-Za-z0-9-])'
    validator: identifier
    needs: [digit]
    context: [license number, license, licence, licence number, driver license, drivers license, driver licence, driving licence, dl, dl number, certificate number, certificate, cert number, permit, permit number, medical license, state license, board certification]
    context-required: true
    negative-context: [plate, license plate, key, license key, spdx]
    level: warning
    precision: medium
    security-severity: 5.5
    summary: A number sits under a driver's licence, professional licence or certificate field.
    help: |
      Licence formats differ by state and board, so only a licence or certificate field
      makes a number a licence number. Fix: remove the value.
    examples:
      context: drivers_license_number
      match: ["D1284770", "S530-4127-9912", "MD-0048291"]
      noMatch: ["1234", "MIT", "Apache-2.0", "GPL-3"]

  - id: license-number-labeled
    name: Labeled licence or certificate number
    category: license
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?i)\b(?:license|licence|dl|certificate|cert|permit)[ _-]?(?:no|number|num|#)\.?[ :#=_-]*\K[A-Z]{0,3}-?[0-9][0-9-]{3,12}[0-9]\b'
    validator: identifier
    needs: [digit]
    level: error
    precision: high
    security-severity: 5.5
    summary: A value labeled as a licence or certificate number is stored in the schema.
    help: |
      The string names itself ("License No." followed by the number). Fix: remove the value.
    examples:
      match: ["License No. D1284770", "DL# S530-4127-9912", "certificate_number_MD0048291"]
      noMatch: ["license number", "License: MIT", "cert #1234"]

"""#
    ),
    (
      "contact.yaml",
      #"""
# Contact details and locations (HIPAA Safe Harbor B, D, E, F, N). Synthetic examples only.
version: 1
pack: contact
description: Phone and fax numbers, email addresses, street addresses, ZIP codes, person-identifying URLs.
rules:
  - id: phone-nanp
    name: North American phone number
    category: phone
    sites: [enum, const, default, examples, other, property-name, required, defs-key, tool-name, pattern-property, title, description, tool-description]
    regex: '(?<![0-9A-Za-z+-])(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?[2-9][0-9]{2}[ .-]|[2-9][0-9]{2}([ .-])[2-9][0-9]{2}\1)[0-9]{4}(?![0-9A-Za-z]|-[0-9])'
    validator: phone
    needs: [digit]
    context: &phone [phone, telephone, tel, mobile, cell, cell phone, contact, contact number, fax, home phone, work phone, emergency contact, caregiver, guardian, patient, callback]
    recategorize: &fax
      - category: fax
        context: [fax, facsimile, fax number]
    level: warning
    context-level: error
    precision: high
    security-severity: 6.5
    summary: A North American phone or fax number is stored in the schema.
    help: |
      Numbers that follow the NANP rules (area code [2-9][0-8]x and not N11, 37X or 96X;
      exchange [2-9]xx and not N11). 555-0100..0199 are reserved for fiction and 555-1212
      is directory assistance: placeholders. Toll-free numbers belong to organisations (note).
      Fix: use a 555-01xx number in examples.
    examples:
      match: ["(617) 555-2368", "617-555-2368", "+1 617.555.2368", "phone_617_555_2368", "555-0142 is (212) 555-0142"]
      noMatch: ["123-456-7890", "(617) 155-2368", "617-911-2368", "000-000-0000", "2024-555-1234", "617-555-23689"]

  - id: phone-bare
    name: Phone number without separators under a phone field
    category: phone
    sites: [enum, const, default, examples, other, property-name, pattern-property]
    regex: '(?<![0-9A-Za-z.])(?:\+?1)?[2-9][0-9]{9}(?![0-9A-Za-z.])'
    validator: phone
    needs: [digit]
    context: *phone
    context-required: true
    recategorize: *fax
    level: error
    precision: medium
    security-severity: 6.5
    summary: Ten digits under a phone or fax field are a phone number.
    help: |
      Bare ten-digit numbers are phone numbers only where the schema says so; integer
      limits such as 2^31-1 and 2^32 are rejected outright.
      Fix: remove the value.
    examples:
      context: mobile_phone
      match: ["6175552368", "+16175552368"]
      noMatch: ["2147483647", "4294967296", "1234567890", "617555236"]

  - id: email-address
    name: Email address
    category: email
    sites: [enum, const, default, examples, other, property-name, required, defs-key, pattern-property, title, description, tool-description]
    regex: '(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])'
    validator: email
    needs: [at]
    level: error
    precision: high
    security-severity: 6.5
    summary: A personal email address is stored in the schema.
    help: |
      Addresses at reserved domains (RFC 2606/6761: example.com, .test, .invalid, ...),
      documentation domains (contoso.com, fabrikam.com) and role mailboxes (support@,
      no-reply@) are placeholders or organisational: notes. Anything else may name a person.
      Fix: use an address at example.com in examples.
    examples:
      match: ["maria.gonzalez@gmail.com", "Contact r.okafor@northbridge-health.org today", "jane.doe@example.com"]
      noMatch: ["user@", "@example", "not an email", "maria@localhost", "name@domain"]

  - id: street-address
    name: Street address
    category: address
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '\b[0-9]{1,6}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+|[0-9]+(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+){0,3}\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Sq|Square|Trl|Trail)\b\.?(?:,?\s*(?:Apt|Unit|Suite|Ste|#)\.?\s*[A-Za-z0-9-]+)?|\bP\.?\s?O\.?\s+Box\s+[0-9]{1,6}\b'
    validator: address
    needs: [digit, upper]
    context: [address, street, street address, residence, home, home address, line 1, address line, address line 1, mailing address, patient]
    level: warning
    context-level: error
    precision: medium
    security-severity: 6.0
    summary: A street address is stored in the schema.
    help: |
      Street addresses are geographic units smaller than a state. Film, TV and documentation
      addresses (the Simpsons' street, the White House, "Main St" examples) are placeholders.
      Fix: use a placeholder address.
    examples:
      match: ["4127 Willow Creek Rd", "88 N. Harbor View Drive, Apt 4B", "PO Box 5521", "123 Main St"]
      noMatch: ["Main Street", "street address", "3 ways to go", "version 2 Road map"]

  - id: zip-code
    name: ZIP code under a ZIP field
    category: zip
    sites: [enum, const, default, examples, other]
    regex: '(?<![0-9A-Za-z.-])[0-9]{5}(?:-[0-9]{4})?(?![0-9A-Za-z.]|-[0-9])'
    validator: zip
    needs: [digit]
    context: [zip, zip code, zipcode, postal, postal code, postcode, zip 5, zip 4, zip plus 4]
    context-required: true
    level: warning
    precision: medium
    security-severity: 5.0
    summary: A five-digit ZIP (or ZIP+4) sits under a ZIP or postal-code field.
    help: |
      Five-digit numbers are everywhere in schemas (ports, limits), so only a ZIP or
      postal-code field makes them ZIP codes. 00000, 12345, 99999 and 90210 are placeholders.
      Safe Harbor allows only the first three digits of most ZIPs.
      Fix: remove the value or keep three digits.
    examples:
      context: zip_code
      match: ["03601", "59221-4410", "12345"]
      noMatch: ["00000", "1234", "123456", "27017.5"]

  - id: zip-with-state
    name: State code followed by a ZIP code
    category: zip
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '\b[A-Z]{2},?\s+[0-9]{5}(?:-[0-9]{4})?\b'
    validator: zip-state
    needs: [digit, upper]
    context: [address, zip, city, state, residence, home]
    level: warning
    context-level: error
    precision: medium
    security-severity: 5.0
    summary: A state code and ZIP code (a state code and five digits) are stored in the schema.
    help: |
      The tail of a postal address. Fix: keep at most the state and the first three ZIP digits.
    examples:
      match: ["Boston, MA 02115", "Springfield IL 62704-1201", "CA 90210"]
      noMatch: ["XX 02115", "MA 2115", "HTTP 20000"]

  - id: url-patient-id
    name: URL carrying a patient or record identifier
    category: url
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?i)\bhttps?://[^\s"''<>()]+?/(?:patients?|persons?|members?|mrn|records?|charts?|encounters?|fhir/patient)/[A-Z]{0,3}-?[0-9]{4,}[^\s"''<>]*|\bhttps?://[^\s"''<>]+[?&](?:mrn|ssn|dob|patient_?id|member_?id|pid|pt)=[A-Z0-9%.-]{4,}'
    validator: url
    needs: [slash]
    level: error
    precision: high
    security-severity: 6.5
    summary: A URL names one patient's or member's record.
    help: |
      Safe Harbor lists URLs; in a schema a URL is PHI when it identifies a person, e.g. a
      record id in the path (`/patients/<id>`) or query (`?mrn=...`). URLs at reserved
      hosts (example.com, localhost) are placeholders.
      Fix: use a placeholder id or a URI template (`/patients/{id}`).
    examples:
      match: ["https://portal.northbridge-health.org/patients/00482913/record.json", "https://ehr.acmeclinic.net/view?mrn=00482913", "https://example.com/patients/12345"]
      noMatch: ["https://api.example.org/patients/{id}", "https://hl7.org/fhir/Patient", "https://github.com/org/repo/issues/1234", "https://json-schema.org/draft/2020-12/schema"]

  - id: url-social-profile
    name: Social-media profile URL
    category: url
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?i)\bhttps?://(?:www\.)?(?:linkedin\.com/in|facebook\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com)/@?(?!(?:share|sharer|intent|home|login|groups|pages|hashtag|search|explore|help|about|policies|privacy|legal)\b)[A-Za-z0-9._-]{3,}'
    needs: [slash]
    context: [profile, patient, person, member, contact]
    level: note
    context-level: warning
    precision: low
    security-severity: 4.0
    summary: A social-media profile URL may identify a person.
    help: |
      Profile URLs name an individual (or an organisation). Fix: remove the URL from
      examples and defaults.
    examples:
      match: ["https://www.linkedin.com/in/maria-gonzalez-48a1b2", "https://x.com/rokafor_md"]
      noMatch: ["https://twitter.com/intent/tweet", "https://linkedin.com", "https://github.com/maria"]

"""#
    ),
    (
      "dates.yaml",
      ###"""
# Person-related dates and ages over 89 (HIPAA Safe Harbor C). Synthetic examples only.
# A full date alone is weak (API versions, release dates): it is a note until the
# context says whose date it is (birth, admission, discharge, death, visit...).
version: 1
pack: dates
description: Dates of birth and other person-related full dates; ages over 89.
rules:
  - id: date-iso
    name: Full date, year first
    category: date
    sites: [enum, const, default, examples, other, title, description, tool-description]
    # Not inside longer tokens: 2024-02-15-preview, gpt-4o-2024-08-06 and v2024.01.15 are versions.
    regex: '(?<![0-9A-Za-z.:/_-])(?:1[89][0-9]{2}|20[0-9]{2})([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?:T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9A-Za-z]|[-/.][0-9A-Za-z])'
    validator: date-ymd
    needs: [digit]
    context: &person-date [dob, birth, birthdate, birthday, born, date of birth, admission, admitted, admit, admit date, discharge, discharged, death, deceased, died, date of death, visit date, date of service, service date, encounter date, surgery, procedure date, patient]
    negative-context: &not-person-date [version, api version, release, released, draft, schema, updated, modified, created, timestamp, changelog, deprecated, since, expires, expiry, expiration, effective, published, build, start, end, until]
    recategorize: &birth
      - category: dob
        context: [dob, birth, birthdate, birthday, born, date of birth]
    level: note
    context-level: error
    precision: medium
    security-severity: 7.0
    summary: A full calendar date sits where the schema stores a person's date.
    help: |
      All elements of dates (except the year) related to an individual are PHI: birth,
      admission, discharge, death. A date under such a field is high confidence; a bare
      date elsewhere is a note. Placeholder dates (the Unix epoch, 1900's first day, RFC 3339 and Go
      layout examples) and impossible dates (February 30) are not reported as dates of people.
      Fix: use `format: date` and a placeholder example.
    examples:
      context: date_of_birth
      match: ["1984-03-12", "1991-07-30T08:15:00Z", "1984/3/12", "1970-01-01"]
      noMatch: ["1984-02-30", "2024-02-15-preview", "gpt-4o-2024-08-06", "YYYY-MM-DD", "0000-00-00", "2020-12", "v2024.01.15"]

  - id: date-us
    name: Full date, U.S. month/day/year
    category: date
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?<![0-9A-Za-z./_-])(?:0?[1-9]|1[0-2])([-/.])(?:0?[1-9]|[12][0-9]|3[01])\1(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9A-Za-z]|[-/.][0-9])'
    validator: date-mdy
    needs: [digit]
    context: *person-date
    negative-context: *not-person-date
    recategorize: *birth
    level: note
    context-level: error
    precision: medium
    security-severity: 7.0
    summary: A U.S.-style full date sits where the schema stores a person's date.
    help: |
      Month/day/year dates related to an individual are PHI. Masks such as
      MM/DD/YYYY or ##/##/#### describe a format and stay silent.
      Fix: use `format: date` and a placeholder example.
    examples:
      context: dob
      match: ["03/12/1984", "7-30-1991", "DOB 3/12/1984"]
      noMatch: ["02/30/1984", "MM/DD/YYYY", "##/##/####", "13/12/1984", "1.2.2024.5"]

  - id: date-written
    name: Full date with a written month
    category: date
    sites: [enum, const, default, examples, other, title, description, tool-description, property-name, required, defs-key, tool-name, pattern-property]
    regex: '(?i)\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ -](?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?,?[ -](?:18[89][0-9]|19[0-9]{2}|20[0-9]{2})|(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?[ -](?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?[ -](?:18[89][0-9]|19[0-9]{2}|20[0-9]{2}))\b'
    validator: date-written
    needs: [digit]
    context: *person-date
    negative-context: *not-person-date
    recategorize: *birth
    level: note
    context-level: error
    precision: medium
    security-severity: 7.0
    summary: A date with a written month sits where the schema stores a person's date.
    help: |
      Dates such as "<Month> 12, 1984" or "12-<Mon>-1984" related to an individual are PHI.
      The Unix epoch is a placeholder.
      Fix: remove the date or use a placeholder.
    examples:
      context: born
      match: ["March 12, 1984", "12 March 1984", "12-Mar-1984", "DOB March 12, 1984"]
      noMatch: ["March 1984", "February 30, 1984", "May 2024 release", "March 12"]

  - id: date-in-name
    name: Full date inside a name
    category: date
    sites: [property-name, required, defs-key, tool-name, pattern-property]
    # Names are also read split into words: maria_gonzalez_1984_03_12 -> "maria gonzalez 1984 03 12".
    regex: '(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})([ _./-])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12][0-9]|3[01])(?![0-9])'
    validator: date-ymd
    needs: [digit]
    context: *person-date
    negative-context: [version, api, migration, release, draft, schema, changelog, v]
    recategorize: *birth
    level: warning
    context-level: error
    precision: medium
    security-severity: 7.0
    summary: A property, definition or tool name embeds a full date.
    help: |
      A name such as `<first>_<last>_YYYY_MM_DD` carries a
      person's date into every cached copy of the schema; schema vocabulary almost never
      holds a full date. Fix: use a generic name and keep dates in data.
    examples:
      match: ["maria_gonzalez_1984_03_12", "patient_maria_gonzalez_1984-03-12", "visit2023-11-04"]
      noMatch: ["date_of_birth", "birth_date", "draft_2020_12", "v1_2_3"]

  - id: age-over-89
    name: Age over 89 under an age field
    category: age
    sites: [enum, const, default, examples, other]
    regex: '(?<![0-9.])(?:9[0-9]|1[0-2][0-9])(?:\.0+)?(?![0-9.])'
    validator: age
    needs: [digit]
    context: [age, aged, patient age, age years, years old, age at death, age at admission, yo]
    context-required: true
    negative-context: [max, maximum, min, minimum, limit, ttl, seconds, secs, days, hours, minutes, cache, timeout, percent, percentage, score, page, retention]
    level: warning
    precision: medium
    security-severity: 6.0
    summary: An age over 89 is stored under an age field.
    help: |
      Safe Harbor lets ages up to 89 stay, but ages of 90 and more must be grouped as
      "90 or older". `maximum: 120` describes a bound and is never a candidate; a
      `const`, `default`, `enum` or `examples` value of 90+ under `age` is an individual's age.
      Fix: use 90 as a cap or remove the value.
    examples:
      context: age
      match: ["94", "90", "101"]
      noMatch: ["89", "45", "126", "94.5"]

  - id: age-over-89-text
    name: Age over 89 in words
    category: age
    sites: [enum, const, default, examples, other, title, description, tool-description, property-name, pattern-property]
    regex: '(?i)(?<![0-9.])(?:9[0-9]|1[0-2][0-9])(?:[ -]?(?:years?|yrs?)[ -]old|[ -]?y/?o)\b'
    validator: age
    needs: [digit]
    level: error
    precision: high
    security-severity: 6.0
    summary: Text states an age over 89.
    help: |
      "a NN-year-old patient" or "NN y/o" with NN of 90 or more discloses an age over 89, which Safe Harbor
      requires to be grouped as 90 or older. Fix: remove the age or write "90 or older".
    examples:
      match: ["a 92-year-old patient", "94 y/o", "101 years old", "patient_93_years_old"]
      noMatch: ["a 45-year-old patient", "89 years old", "90 years", "version 92"]

"""###
    ),
    (
      "devices-vehicles.yaml",
      #"""
# Device and vehicle identifiers, biometrics and photos (HIPAA Safe Harbor L, M, P, Q). Synthetic examples only.
version: 1
pack: devices-vehicles
description: UDIs, IMEIs, MAC addresses, device serials, VINs, licence plates, biometric templates, face photos.
rules:
  - id: device-udi
    name: FDA unique device identifier (GS1)
    category: device
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '\(01\)[0-9]{14}(?:\((?:10|11|17|21)\)[^()\s"]{1,20})*'
    validator: udi
    needs: [digit]
    context: [udi, device, implant, gudid, device identifier, serial]
    level: warning
    context-level: error
    precision: high
    security-severity: 6.0
    summary: A UDI with a serial number names one implanted or used device.
    help: |
      GS1 UDIs are (01) plus a GTIN-14 (mod-10 check) and production identifiers. With a
      serial (21) the string names one device; without, it names a product model (note).
      Fix: remove the serial from examples.
    examples:
      match: ["(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234", "(01)51022222233336(21)XK49921"]
      noMatch: ["(01)51022222233337(21)1234", "(01)123", "(10)A213B1"]

  - id: device-imei
    name: IMEI under a device field
    category: device
    sites: [enum, const, default, examples, other]
    regex: '(?<![0-9A-Za-z])[0-9]{15}(?![0-9A-Za-z])'
    validator: imei
    needs: [digit]
    context: [imei, device id, handset, phone device, mobile device]
    context-required: true
    level: warning
    precision: medium
    security-severity: 5.5
    summary: A handset IMEI (Luhn valid) sits under a device field.
    help: |
      An IMEI names one phone. Fix: remove the value.
    examples:
      context: imei
      match: ["356938035643817", "490154203237518"]
      noMatch: ["356938035643818", "111111111111111", "35693803564381"]

  - id: mac-address
    name: MAC address
    category: device
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?i)(?<![0-9a-f:-])[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}(?![0-9a-f:-])'
    validator: mac
    needs: [digit]
    context: [mac, mac address, device, hardware address, bluetooth, wifi, device id]
    level: note
    context-level: warning
    precision: medium
    security-severity: 4.0
    summary: A hardware (MAC) address is stored in the schema.
    help: |
      A MAC address names one network interface, often one person's device. All-zero,
      broadcast and textbook values are placeholders. Fix: use 00:00:5E:00:53:xx (RFC 7042).
    examples:
      match: ["3c:22:fb:91:0e:47", "3C-22-FB-91-0E-47", "01:23:45:67:89:ab"]
      noMatch: ["3c:22:fb:91:0e", "3c:22:fb-91:0e:47", "12:30:45:00"]

  - id: device-serial
    name: Device serial number under a serial field
    category: device
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9-])[A-Z0-9][A-Z0-9-]{4,23}[A-Z0-9](?![A-Za-z0-9-])'
    validator: identifier
    needs: [digit]
    context: [serial, serial number, serial no, s n, sn, device serial, implant serial, pacemaker, implant, device id, device identifier]
    context-required: true
    level: warning
    precision: medium
    security-severity: 5.5
    summary: A serial number sits under a device serial field.
    help: |
      A device serial (a pacemaker, a pump, a glucose meter) names one device and through
      it one patient. Fix: remove the value.
    examples:
      context: pacemaker_serial_number
      match: ["PJN4829133", "55120-8841-A"]
      noMatch: ["ABCDEF", "1234", "SN-12"]

  - id: vehicle-vin
    name: Vehicle identification number
    category: vehicle
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?<![A-Za-z0-9-])[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}(?![A-Za-z0-9-])'
    validator: vin
    needs: [digit, upper]
    context: [vin, vehicle, chassis, car]
    level: error
    precision: high
    security-severity: 6.0
    summary: A vehicle identification number (check digit valid) is stored in the schema.
    help: |
      VINs are 17 characters without I, O and Q, and position 9 is a check digit
      (49 CFR 565), so a match is strong without context. Fix: remove the value.
    examples:
      match: ["1M8GDM9AXKP042788", "LJCPCBLCX11000237"]
      noMatch: ["1M8GDM9AYKP042788", "1M8GDM9AXKP04278", "ABCDEFGHJKLMNPRST"]

  - id: license-plate
    name: Licence plate under a plate field
    category: vehicle
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9-])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?![A-Za-z0-9-])'
    validator: plate
    needs: [digit, upper]
    context: [license plate, licence plate, plate, plate number, tag number, vehicle plate, registration plate]
    context-required: true
    level: warning
    precision: medium
    security-severity: 5.0
    summary: A licence plate sits under a plate field.
    help: |
      Plates have no national format, so only a plate field makes a short code a plate.
      Fix: remove the value.
    examples:
      context: license_plate
      match: ["7XKR482", "8BC 4471"]
      noMatch: ["ABCDEF", "1234", "NONE"]

  - id: biometric-template
    name: Encoded fingerprint or voice template
    category: biometric
    sites: [enum, const, default, examples, other]
    # Base64 of "FMR\0" (ISO/ANSI finger minutiae) or "RIFF" (WAV audio).
    regex: '(?:Rk1SA|UklGR)[A-Za-z0-9+/]{60,}={0,2}'
    needs: [upper]
    context: [fingerprint, voiceprint, biometric, template, minutiae, voice, voice sample]
    level: warning
    context-level: error
    precision: medium
    security-severity: 7.0
    summary: A base64 fingerprint-minutiae record or voice recording is stored in the schema.
    help: |
      Biometric identifiers are PHI. Fix: remove the blob from defaults and examples.
    examples:
      match: ["Rk1SACAyMAAAAAFcAAABQAHgAMUAxQEAAAAoJ0CAEQBXhFEAQQCSWgBAWgCfjgBAeQCrjwBA0QCxlQCAfADCmQ"]
      noMatch: ["Rk1SA", "SGVsbG8gd29ybGQ="]

  - id: face-photo
    name: Embedded photo
    category: biometric
    sites: [enum, const, default, examples, other]
    regex: 'data:image/(?:jpeg|jpg|png|gif|webp);base64,[A-Za-z0-9+/]{40,}|(?<![A-Za-z0-9+/])(?:/9j/|iVBORw0KGgo)[A-Za-z0-9+/]{60,}'
    needs: [slash]
    context: [photo, face, portrait, headshot, selfie, avatar, picture, patient photo, id photo]
    negative-context: [icon, logo, badge, thumbnail]
    level: note
    context-level: warning
    precision: low
    security-severity: 6.0
    summary: An embedded image sits under a photo field.
    help: |
      Full-face photographs are PHI. An image under a photo, face or portrait field is
      probably one; icons and logos are not. Fix: remove the image.
    examples:
      context: patient_photo
      match: ["data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDAoQ"]
      noMatch: ["data:image/png;base64,", "photo.jpg"]

"""#
    ),
    (
      "medical-records.yaml",
      #"""
# Medical record numbers and other patient record identifiers (HIPAA Safe Harbor H, R).
version: 1
pack: medical-records
description: Medical record numbers, patient ids in property names, FHIR patient references.
rules:
  - id: mrn-labeled
    name: Labeled medical record number
    category: mrn
    sites: [enum, const, default, examples, other, property-name, required, defs-key, tool-name, pattern-property, title, description, tool-description]
    regex: '(?i)\b(?:mrn|mr ?#|med(?:ical)?[ _-]?rec(?:ord)?(?:[ _-]?(?:no|num|number|#))?|chart[ _-]?(?:no|num|number|#))[ :#=_-]*\K[A-Z]{0,3}-?[0-9]{5,12}\b'
    validator: identifier
    needs: [digit]
    level: error
    precision: high
    security-severity: 8.5
    summary: A value labeled as a medical record number is stored in the schema.
    help: |
      The string carries its own label (`MRN-` or `Med Rec No:` followed by digits),
      so it is a concrete record number, not a format. `^MRN-\d{8}$` describes a format and
      stays silent. Fix: remove the value or replace it with a format.
    examples:
      match: ["MRN-00482913", "MR# 4829133", "Med Rec No: 00577120", "mrn_00482913", "Patient Robert Okafor, DOB March 12, 1984, MRN 00482913"]
      noMatch: ["MRN-XXXXXXXX", '^MRN-\d{8}$', "MRN-1234", "mrn_lookup", "MRN"]

  - id: mrn-contextual
    name: Medical record number under a record-number field
    category: mrn
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9.-])[A-Z]{0,3}-?[0-9]{5,12}(?![A-Za-z0-9.-])'
    validator: identifier
    needs: [digit]
    context: [mrn, medical record, medical record number, record number, chart number, chart, patient id, patient number, pt id, patient identifier, hospital number, unit number, empi, mpi, enterprise id, encounter id, encounter number, visit number, visit id, accession, accession number, specimen id, case number, fin, csn, har]
    context-required: true
    level: error
    precision: high
    security-severity: 8.5
    summary: A record number sits under a medical-record-number field.
    help: |
      MRNs have no universal format, so an id-shaped value counts only under a record
      field (mrn, medical record, patient id, encounter, accession...). Eight digits under
      `mrn` are an MRN; under `max_tokens` they are a limit.
      Fix: remove the value or replace it with a format.
    examples:
      context: mrn
      match: ["00482913", "E4829133", "MR-5577120"]
      noMatch: ["1234", "2.5", "v1.2.3", "00000000x"]

  - id: mrn-in-name
    name: Patient or record number inside a name
    category: mrn
    sites: [property-name, required, defs-key, tool-name, pattern-property]
    # Runs on names split into words: pt_482913_notes -> "pt 482913 notes".
    regex: '(?<![a-z])(?:pt|patient|mrn|chart|encounter|enc|visit|case|member|subscriber)(?: [a-z]{1,3})? [0-9]{5,12}(?![0-9])'
    validator: identifier
    needs: [digit]
    level: error
    precision: high
    security-severity: 8.0
    summary: A property, definition or tool name embeds a patient or record number.
    help: |
      Names like `pt_NNNNNN_notes` (NNNNNN a record number) carry an individual's record number
      into every cached copy of the schema. Fix: use a generic name (`patient_notes`).
    examples:
      match: ["pt_482913_notes", "patient48291377", "encounter-E-5541902"]
      noMatch: ["patient_id", "pt_notes", "patient_v2", "case_12"]

  - id: fhir-patient-reference
    name: FHIR reference to a patient or person
    category: other-id
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '\b(?:Patient|Person|RelatedPerson)/[A-Za-z0-9.-]{1,64}\b'
    validator: fhir-reference
    needs: [slash]
    level: warning
    precision: medium
    security-severity: 6.0
    summary: A FHIR reference names a specific patient or person record.
    help: |
      `Patient/` followed by an id points to one person's record. FHIR's own example ids
      (`Patient/example`) are placeholders. Fix: use a placeholder id.
    examples:
      match: ["Patient/48291377", "RelatedPerson/rp-5512", "Patient/example"]
      noMatch: ["Patient/{id}", "Patient", "Patient/id", "Organization/1234"]

"""#
    ),
    (
      "network.yaml",
      #"""
# IP addresses (HIPAA Safe Harbor O). Synthetic examples only; documentation ranges are placeholders.
version: 1
pack: network
description: Public IPv4 and IPv6 addresses; private, loopback and documentation ranges are not PHI.
rules:
  - id: ip-v4
    name: Public IPv4 address
    category: ip
    sites: [enum, const, default, examples, other, title, description, tool-description]
    # Dots around exclude OIDs (2.16.840.1.113883.4.1) and versions with more parts.
    regex: '(?<![0-9A-Za-z.:-])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9A-Za-z-]|\.[0-9]|/[0-9])'
    validator: ipv4
    needs: [digit, dot]
    context: &ip [ip, ip address, ipv 4, ipv 6, client, client ip, remote, remote addr, source ip, user ip, patient, device ip, login ip, addr]
    negative-context: &not-ip [version, release, build, mask, netmask, subnet, cidr, gateway, dns, resolver, range, allowlist, bind]
    level: note
    context-level: error
    precision: medium
    security-severity: 5.5
    summary: A public IPv4 address is stored where the schema records a person's address.
    help: |
      Private (RFC 1918, 100.64/10), loopback, link-local, multicast and netmask values
      are not PHI and stay silent; documentation ranges (RFC 5737) and well-known resolvers
      (the Cloudflare and Google resolvers) are placeholders. A public address under an ip, client or remote
      field may identify a person's device.
      Fix: use 192.0.2.x, 198.51.100.x or 203.0.113.x in examples.
    examples:
      context: client_ip
      match: ["73.162.15.201", "from 98.207.44.12 at login", "192.0.2.44"]
      noMatch: ["10.0.0.1", "192.168.1.20", "127.0.0.1", "255.255.255.0", "2.16.840.1.113883.4.1", "1.2.3.4.5", "01.02.03.04", "73.162.15.0/24"]

  - id: ip-v6
    name: Global IPv6 address
    category: ip
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?<![0-9A-Za-z.:-])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z.:-])'
    validator: ipv6
    needs: [colon]
    context: *ip
    negative-context: *not-ip
    level: note
    context-level: error
    precision: medium
    security-severity: 5.5
    summary: A global IPv6 address is stored where the schema records a person's address.
    help: |
      Only global unicast addresses (2000::/3) count; 2001:db8::/32 and 3fff::/20 are
      documentation (placeholders); ::1, fe80::/10, fc00::/7 and multicast are not PHI.
      Fix: use 2001:db8:: addresses in examples.
    examples:
      context: remote_addr
      match: ["2a02:6b8:c0e:501::1:2f", "2607:f8b0:4005:80a::200e", "2001:db8::1"]
      noMatch: ["::1", "fe80::1", "12:30:45", "fd12:3456:789a::1", "00:1a:2b:3c:4d:5e"]

"""#
    ),
    (
      "us-identifiers.yaml",
      #"""
# U.S. government and Medicare identifiers (HIPAA Safe Harbor G, I, R). Synthetic examples only.
# Site groups used throughout the packs:
#   values: enum, const, default, examples, other      names: property-name, required, defs-key, tool-name, pattern-property
#   prose:  title, description, tool-description       (pattern literals are checked by the `const` rules,
#                                                       pattern-property literals by the `property-name` rules)
version: 1
pack: us-identifiers
description: Social Security numbers, ITINs, Medicare MBIs and HICNs, health-plan member ids.
rules:
  - id: us-ssn
    name: U.S. Social Security number
    category: ssn
    sites: [enum, const, default, examples, other, property-name, required, defs-key, tool-name, pattern-property, title, description, tool-description]
    # Dashed or spaced SSN, not glued to other digits or dashes (so 2024-123-45-6789 is no SSN).
    regex: '(?<![0-9-])[0-9]{3}([- ])[0-9]{2}\1[0-9]{4}(?![0-9-])'
    validator: ssn
    needs: [digit]
    context: [ssn, social security, social security number, soc sec, ss number]
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
      Fix: replace it with a format (`pattern`) or an obviously fake value.
    examples:
      match:
        - 512-43-8876
        - "SSN 482 19 5530"
        - 078-05-1120
        - ssn_512_43_8876
      noMatch:
        - 000-12-3456
        - 666-12-3456
        - 912-34-5678
        - 512-00-8876
        - 512-43-0000
        - 512-43-88761
        - '^\d{3}-\d{2}-\d{4}$'
        - XXX-XX-XXXX

  - id: us-ssn-bare
    name: U.S. Social Security number without separators
    category: ssn
    sites: [enum, const, default, examples, other, property-name, pattern-property]
    regex: '(?<![0-9A-Za-z.])[0-9]{9}(?![0-9A-Za-z.])'
    validator: ssn
    needs: [digit]
    context: [ssn, social security, social security number, soc sec, ss number, ssn number]
    context-required: true
    level: error
    precision: high
    security-severity: 9.0
    summary: Nine digits under an SSN field are a Social Security number.
    help: |
      Nine bare digits are an SSN only where the schema says so: the property path,
      title or description mentions an SSN. Byte sizes (100 MiB is nine digits) elsewhere stay silent.
      Fix: remove the value or replace it with a format.
    examples:
      context: patient_ssn
      match: ["482195530", "536904399"]
      noMatch: ["000195530", "666195530", "912345678", "12345678", "4821955301"]

  - id: us-itin
    name: U.S. Individual Taxpayer Identification Number
    category: other-id
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?<![0-9-])9[0-9]{2}([- ])[0-9]{2}\1[0-9]{4}(?![0-9-])'
    validator: itin
    needs: [digit]
    context: [itin, taxpayer, tax id, tin, taxpayer id]
    level: error
    precision: high
    security-severity: 8.0
    summary: A literal ITIN (a personal tax identifier) is stored in the schema.
    help: |
      ITINs are 9XX-GG-XXXX with the group in 50-65, 70-88, 90-92 or 94-99 (IRS). They
      identify a person like an SSN. The SSA advertising block is a placeholder.
      Fix: remove the value or use a format.
    examples:
      match: ["912-70-1234", "900 88 4411", "987-65-4321"]
      noMatch: ["912-93-1234", "912-40-1234", "512-70-1234", "912-7-01234"]

  - id: medicare-mbi
    name: Medicare Beneficiary Identifier
    category: mbi
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    # CMS positions: 1 digit 1-9; 2,5,8,9 letters without S L O I B Z; 3,6 letter or digit; 4,7,10,11 digits.
    regex: '(?<![A-Za-z0-9-])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}(?![A-Za-z0-9-])'
    validator: mbi
    needs: [digit, upper]
    context: [mbi, medicare, beneficiary, medicare number]
    level: error
    precision: high
    security-severity: 9.0
    summary: A Medicare Beneficiary Identifier is stored in the schema.
    help: |
      MBIs are 11 characters with a strict positional alphabet (CMS), so a match is
      strong even without context. CMS's published example MBI is a placeholder.
      Fix: remove the value; use CMS's example in documentation.
    examples:
      match: ["1EG4-TE5-MK72", "2T45W81KP36", "1EG4-TE5-MK73", "mbi_2T45W81KP36"]
      noMatch: ["0EG4-TE5-MK72", "1EG4-TE5-MK7S", "1SG4-TE5-MK72", "1EG4TE5-MK72", "1EG4-TE5-MK722"]

  - id: medicare-hicn
    name: Legacy Medicare Health Insurance Claim Number
    category: health-plan
    sites: [enum, const, default, examples, other, title, description, tool-description]
    regex: '(?<![A-Za-z0-9-])[0-9]{3}-?[0-9]{2}-?[0-9]{4}-?[A-Z][0-9]?(?![A-Za-z0-9-])'
    validator: hicn
    needs: [digit, upper]
    context: [medicare, hicn, hic, claim number, beneficiary]
    level: error
    precision: high
    security-severity: 9.0
    summary: A legacy Medicare claim number (an SSN plus a beneficiary code) is stored in the schema.
    help: |
      A HICN is the wage earner's SSN followed by a beneficiary identification code
      (A, B, B1, C1, D, ...). It contains an SSN, so it is as sensitive as one.
      Fix: remove the value.
    examples:
      match: ["512438876A", "512-43-8876-B1", "078051120A"]
      noMatch: ["512438876Z", "000438876A", "512438876", "666438876A"]

  - id: health-plan-member-id
    name: Health-plan member id under a member-id field
    category: health-plan
    sites: [enum, const, default, examples, other]
    regex: '(?<![A-Za-z0-9-])[A-Z]{0,4}[0-9][A-Z0-9-]{3,18}[A-Z0-9](?![A-Za-z0-9-])'
    validator: identifier
    needs: [digit]
    context: [member id, member number, subscriber id, subscriber number, subscriber, policy number, policy id, insurance id, insurance number, medicaid id, medicaid number, beneficiary id, health plan id, plan member id, cin, member]
    context-required: true
    negative-context: [group number, group id, payer id, bin, pcn]
    level: error
    precision: medium
    security-severity: 7.5
    summary: A health-plan member, subscriber or policy id is stored in the schema.
    help: |
      Member ids have no national format (the HPID was rescinded), so this rule fires
      only under a member, subscriber, policy, insurance or Medicaid id field. Group
      numbers and payer ids name plans, not people.
      Fix: remove the value or replace it with a format.
    examples:
      context: member_id
      match: ["XYZ123456789", "W284019377", "88412093"]
      noMatch: ["1234", "XXXXXXXXXX", "PLAN", "v2"]

  - id: health-plan-member-id-labeled
    name: Labeled health-plan member id
    category: health-plan
    sites: [enum, const, default, examples, other, property-name, pattern-property, title, description, tool-description]
    regex: '(?i)\b(?:member|subscriber|policy|insurance|medicaid|beneficiary)[ _-]?(?:id|no|number|num|#)[ :#=_-]*\K[A-Z]{0,4}[0-9][A-Z0-9-]{3,18}[A-Z0-9]\b'
    validator: identifier
    needs: [digit]
    level: error
    precision: high
    security-severity: 7.5
    summary: A value labeled as a member, subscriber or policy id is stored in the schema.
    help: |
      The string names itself ("Member ID:" followed by the id), so no further context is needed.
      Fix: remove the value.
    examples:
      match: ["Member ID: XYZ123456789", "subscriber_id 88412093", "Policy #W284019377"]
      noMatch: ["Member ID: the member's plan id", "policy number 1234", "member id format XXX000000"]

"""#
    ),
  ]
}
