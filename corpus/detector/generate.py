#!/usr/bin/env python3
# Writes the labeled detector corpus (synthetic values only) and its labels.jsonl files.
# Every value is fake but valid-format; labels name file, pointer, site and category, never values.
# usage: python3 corpus/detector/generate.py
import json, os, shutil
ROOT = os.path.dirname(os.path.abspath(__file__))
for entry in os.listdir(ROOT):
    if os.path.isdir(os.path.join(ROOT, entry)):
        shutil.rmtree(os.path.join(ROOT, entry))
folders = {}

def esc(t): return str(t).replace('~', '~0').replace('/', '~1')
def ptr(*tokens): return ''.join('/' + esc(t) for t in tokens)

class Doc:
    def __init__(self, folder, name, schema):
        self.folder, self.name, self.schema = folder, name, schema
        folders.setdefault(folder, []).append(self)
        self.labels = []
    def flag(self, pointer, site, category):
        self.labels.append(dict(file=self.name, pointer=pointer, site=site, category=category, expect='flag'))
    def decoy(self, pointer, site, category):
        self.labels.append(dict(file=self.name, pointer=pointer, site=site, category=category, expect='no-flag'))

def prop(doc, name, **kw):
    doc.schema.setdefault('properties', {})[name] = kw

S = "https://json-schema.org/draft/2020-12/schema"

# ---------------- government ids ----------------
d = Doc('government-ids', 'intake-ssn.json', {"$schema": S, "title": "Patient intake", "type": "object"})
prop(d, 'ssn', type='string', const='512-43-8876'); d.flag('/properties/ssn/const', 'const', 'ssn')
prop(d, 'patient', type='object', properties={'ssn': {"type": "string", "examples": ["536-90-4399"]}}); d.flag('/properties/patient/properties/ssn/examples/0', 'examples', 'ssn')
prop(d, 'ssn_on_file', type='string', enum=["481-22-9063", "523-71-1408", "unknown"])
d.flag('/properties/ssn_on_file/enum/0', 'enum', 'ssn'); d.flag('/properties/ssn_on_file/enum/1', 'enum', 'ssn'); d.decoy('/properties/ssn_on_file/enum/2', 'enum', 'ssn')
prop(d, 'guarantor_ssn', type='string', pattern='^(512-43-8876|536-90-4399)$'); d.flag('/properties/guarantor_ssn/pattern', 'pattern', 'ssn')
prop(d, 'social_security_number', type='string', default='482195530'); d.flag('/properties/social_security_number/default', 'default', 'ssn')
prop(d, 'notes', type='string', description='Verified SSN 431-82-5519 at intake.'); d.flag('/properties/notes/description', 'description', 'ssn')
prop(d, 'ssn_518_44_2037', type='boolean'); d.flag('/properties/ssn_518_44_2037', 'property-name', 'ssn')
prop(d, 'spouse', type='object', **{"x-sample-ssn": "518-44-2037"}); d.flag('/properties/spouse/x-sample-ssn', 'other', 'ssn')
prop(d, 'itin', type='string', const='912-70-1234'); d.flag('/properties/itin/const', 'const', 'other-id')

d = Doc('government-ids', 'describes-ssn.json', {"$schema": S, "type": "object", "title": "Identity (describes only)"})
prop(d, 'ssn', type='string', pattern='^\\d{3}-\\d{2}-\\d{4}$', description="Patient's SSN in the form XXX-XX-XXXX.", examples=["XXX-XX-XXXX", "078-05-1120"], maxLength=11)
d.decoy('/properties/ssn/pattern', 'pattern', 'ssn'); d.decoy('/properties/ssn/description', 'description', 'ssn'); d.decoy('/properties/ssn/examples/0', 'examples', 'ssn'); d.decoy('/properties/ssn/examples/1', 'examples', 'ssn')
prop(d, 'ssn_alt', type='string', pattern='^[0-9]{3}-[0-9]{2}-[0-9]{4}$'); d.decoy('/properties/ssn_alt/pattern', 'pattern', 'ssn')
prop(d, 'invalid_ssns', type='string', enum=["000-12-3456", "666-12-3456", "912-34-5678", "512-00-8876", "512-43-0000"])
for i in range(5): d.decoy(f'/properties/invalid_ssns/enum/{i}', 'enum', 'ssn')
prop(d, 'max_upload_bytes', type='integer', default=104857600); d.decoy('/properties/max_upload_bytes/default', 'default', 'ssn')
prop(d, 'ndc_code', type='string', examples=["0002-8215-01"]); d.decoy('/properties/ndc_code/examples/0', 'examples', 'ssn')
prop(d, 'patient_ssn', type='string'); d.decoy('/properties/patient_ssn', 'property-name', 'ssn')
prop(d, 'social_security_number', type='string', format='ssn'); d.decoy('/properties/social_security_number', 'property-name', 'ssn')
d.schema['required'] = ['ssn', 'patient_ssn']; d.decoy('/required/1', 'required', 'ssn')

d = Doc('government-ids', 'medicare.json', {"$schema": S, "type": "object", "title": "Medicare eligibility"})
prop(d, 'mbi', type='string', const='1EG4-TE5-MK72'); d.flag('/properties/mbi/const', 'const', 'mbi')
prop(d, 'beneficiary', type='object', properties={'medicare_id': {"type": "string", "default": "2T45W81KP36"}}); d.flag('/properties/beneficiary/properties/medicare_id/default', 'default', 'mbi')
prop(d, 'mbis', type='array', items={"type": "string", "enum": ["7KD2-RF4-WT19", "3C91-GH2-YJ55"]})
d.flag('/properties/mbis/items/enum/0', 'enum', 'mbi'); d.flag('/properties/mbis/items/enum/1', 'enum', 'mbi')
prop(d, 'comment', type='string', description='Eligibility checked for MBI 5VX3-AE7-NM08 on file.'); d.flag('/properties/comment/description', 'description', 'mbi')
prop(d, 'mbi_format', type='string', pattern='^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$', examples=["1EG4-TE5-MK73"])
d.decoy('/properties/mbi_format/pattern', 'pattern', 'mbi'); d.decoy('/properties/mbi_format/examples/0', 'examples', 'mbi')
prop(d, 'medicare_claim_number', type='string', const='512438876A'); d.flag('/properties/medicare_claim_number/const', 'const', 'health-plan')
prop(d, 'legacy_hicn', type='string', examples=["524-19-8830-B1"]); d.flag('/properties/legacy_hicn/examples/0', 'examples', 'health-plan')
prop(d, 'payer_type', type='string', enum=["Medicare", "Medicaid", "Commercial", "Self-pay"]); d.decoy('/properties/payer_type/enum/0', 'enum', 'health-plan')

d = Doc('government-ids', 'insurance.yaml', None)
d.text = """# Insurance coverage (synthetic)
type: object
properties:
  member_id:
    type: string
    const: XYZ804417263
  subscriber_id:
    type: string
    default: W284019377
  policy_number:
    type: string
    examples: [HCP-88412093]
  medicaid_id:
    type: string
    enum: [NY74120938, NY55102947]
  coverage_note:
    type: string
    description: "Member ID: BCX77104923, verified by phone."
  group_number:
    type: string
    const: G0045
  subscriber_capacity:
    type: integer
    default: 65536
  member_id_format:
    type: string
    pattern: "^[A-Z]{3}[0-9]{9}$"
"""
d.flag('/properties/member_id/const', 'const', 'health-plan')
d.flag('/properties/subscriber_id/default', 'default', 'health-plan')
d.flag('/properties/policy_number/examples/0', 'examples', 'health-plan')
d.flag('/properties/medicaid_id/enum/0', 'enum', 'health-plan'); d.flag('/properties/medicaid_id/enum/1', 'enum', 'health-plan')
d.flag('/properties/coverage_note/description', 'description', 'health-plan')
d.decoy('/properties/group_number/const', 'const', 'health-plan')
d.decoy('/properties/subscriber_capacity/default', 'default', 'health-plan')
d.decoy('/properties/member_id_format/pattern', 'pattern', 'health-plan')

# ---------------- medical records ----------------
d = Doc('medical-records', 'records.json', {"$schema": S, "type": "object", "title": "Chart lookup"})
prop(d, 'mrn', type='string', enum=["00482913", "00577120"]); d.flag('/properties/mrn/enum/0', 'enum', 'mrn'); d.flag('/properties/mrn/enum/1', 'enum', 'mrn')
prop(d, 'record', type='string', const='MRN-00618842'); d.flag('/properties/record/const', 'const', 'mrn')
prop(d, 'record_id', type='string', pattern='^(MRN-00482913|MRN-00577120)$'); d.flag('/properties/record_id/pattern', 'pattern', 'mrn')
prop(d, 'medical_record_number', type='string', default='E5529104'); d.flag('/properties/medical_record_number/default', 'default', 'mrn')
prop(d, 'chart_ref', type='string', description='The medical record number of the patient.', const='7730418'); d.flag('/properties/chart_ref/const', 'const', 'mrn')
prop(d, 'summary', type='string', description='Follow-up for MRN 00729931 after discharge.'); d.flag('/properties/summary/description', 'description', 'mrn')
prop(d, 'pt_482913_notes', type='string'); d.flag('/properties/pt_482913_notes', 'property-name', 'mrn')
prop(d, 'encounter', type='object', properties={'encounter_id': {"type": "string", "examples": ["ENC-40917736"]}}); d.flag('/properties/encounter/properties/encounter_id/examples/0', 'examples', 'mrn')
d.schema['required'] = ['mrn', 'pt_482913_notes']; d.flag('/required/1', 'required', 'mrn')
d.schema['patternProperties'] = {"^patient_(48291377|55771203)$": {"type": "object"}}
d.flag('/patternProperties/^patient_(48291377|55771203)$', 'pattern-property', 'mrn')
d.schema['$defs'] = {"pt_55120884_history": {"type": "object"}}; d.flag('/$defs/pt_55120884_history', 'defs-key', 'mrn')
prop(d, 'subject', type='string', const='Patient/48291377'); d.flag('/properties/subject/const', 'const', 'other-id')

d = Doc('medical-records', 'describes-records.json', {"$schema": S, "type": "object", "title": "Chart lookup (describes only)"})
prop(d, 'mrn', type='string', pattern='^MRN-\\d{8}$', examples=["MRN-XXXXXXXX"], description='Medical record number, MRN- followed by 8 digits.')
d.decoy('/properties/mrn/pattern', 'pattern', 'mrn'); d.decoy('/properties/mrn/examples/0', 'examples', 'mrn')
prop(d, 'max_tokens', type='integer', default=48291377); d.decoy('/properties/max_tokens/default', 'default', 'mrn')
prop(d, 'timeout_ms', type='integer', default=300000); d.decoy('/properties/timeout_ms/default', 'default', 'mrn')
prop(d, 'get_patient_by_mrn', type='boolean'); d.decoy('/properties/get_patient_by_mrn', 'property-name', 'mrn')
prop(d, 'icd10', type='string', enum=["E11.9", "I10", "J45.909", "Z79.4"]); d.decoy('/properties/icd10/enum/0', 'enum', 'other-id')
prop(d, 'cpt', type='string', enum=["99213", "99214"]); d.decoy('/properties/cpt/enum/0', 'enum', 'zip')
prop(d, 'loinc', type='string', const='4548-4'); d.decoy('/properties/loinc/const', 'const', 'other-id')
prop(d, 'snomed', type='string', const='44054006'); d.decoy('/properties/snomed/const', 'const', 'mrn')
prop(d, 'rxnorm', type='string', const='860975'); d.decoy('/properties/rxnorm/const', 'const', 'mrn')
prop(d, 'reference', type='string', examples=["Patient/example"]); d.decoy('/properties/reference/examples/0', 'examples', 'other-id')
prop(d, 'drug', type='string', enum=["metformin", "lisinopril", "atorvastatin", "Humira"]); d.decoy('/properties/drug/enum/3', 'enum', 'name')
prop(d, 'condition', type='string', enum=["Parkinson's disease", "Crohn's disease", "Hodgkin lymphoma"]); d.decoy('/properties/condition/enum/0', 'enum', 'name')

# ---------------- dates and ages ----------------
d = Doc('dates-ages', 'dates.json', {"$schema": S, "type": "object", "title": "Encounter dates"})
prop(d, 'dob', type='string', format='date', enum=["1984-03-12", "1991-07-30"]); d.flag('/properties/dob/enum/0', 'enum', 'dob'); d.flag('/properties/dob/enum/1', 'enum', 'dob')
prop(d, 'birth_date', type='string', const='03/12/1984'); d.flag('/properties/birth_date/const', 'const', 'dob')
prop(d, 'date_of_birth', type='string', default='March 12, 1984'); d.flag('/properties/date_of_birth/default', 'default', 'dob')
prop(d, 'patient_dob', type='string', pattern='^(1984-03-12|1991-07-30)$'); d.flag('/properties/patient_dob/pattern', 'pattern', 'dob')
prop(d, 'admission_date', type='string', const='2023-10-28'); d.flag('/properties/admission_date/const', 'const', 'date')
prop(d, 'discharge', type='string', format='date-time', examples=["2023-11-09T14:30:00Z"]); d.flag('/properties/discharge/examples/0', 'examples', 'date')
prop(d, 'date_of_death', type='string', default='2021-06-18'); d.flag('/properties/date_of_death/default', 'default', 'date')
prop(d, 'note', type='string', description='Patient Robert Okafor, DOB March 12, 1984, MRN 00482913.')
d.flag('/properties/note/description', 'description', 'dob'); d.flag('/properties/note/description', 'description', 'mrn'); d.flag('/properties/note/description', 'description', 'name')
prop(d, 'lucia_fernandez_1987_05_22', type='object'); d.flag('/properties/lucia_fernandez_1987_05_22', 'property-name', 'date'); d.flag('/properties/lucia_fernandez_1987_05_22', 'property-name', 'name')
d.schema['$defs'] = {"visit_2023-11-04": {"type": "object"}}; d.flag('/$defs/visit_2023-11-04', 'defs-key', 'date')
prop(d, 'visit', type='object', title='Visit on 11/04/2023 (date of service)'); d.flag('/properties/visit/title', 'title', 'date')

d = Doc('dates-ages', 'date-decoys.json', {"$schema": S, "type": "object", "title": "API request"})
prop(d, 'api_version', type='string', const='2023-06-01'); d.decoy('/properties/api_version/const', 'const', 'date')
prop(d, 'model', type='string', enum=["gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "2024-02-15-preview"]); d.decoy('/properties/model/enum/0', 'enum', 'date'); d.decoy('/properties/model/enum/2', 'enum', 'date')
prop(d, 'created_at', type='string', default='2024-01-01'); d.decoy('/properties/created_at/default', 'default', 'date')
prop(d, 'release', type='string', description='Released 2024-05-13; deprecated since 2025-01-31.'); d.decoy('/properties/release/description', 'description', 'date')
prop(d, 'dob', type='string', format='date', examples=["1970-01-01", "YYYY-MM-DD", "1984-02-30", "0000-00-00"], description='Date of birth in YYYY-MM-DD format.')
for i in range(4): d.decoy(f'/properties/dob/examples/{i}', 'examples', 'dob')
prop(d, 'birth_date', type='string', pattern='^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$'); d.decoy('/properties/birth_date/pattern', 'pattern', 'dob')
prop(d, 'date_of_birth', type='string', format='date'); d.decoy('/properties/date_of_birth', 'property-name', 'dob')
prop(d, 'month', type='string', enum=["January", "April", "May", "June", "August"]); d.decoy('/properties/month/enum/1', 'enum', 'name')
prop(d, 'schema_draft', type='string', const='2020-12'); d.decoy('/properties/schema_draft/const', 'const', 'date')
prop(d, 'timestamp', type='string', examples=["1985-04-12T23:20:50.52Z"]); d.decoy('/properties/timestamp/examples/0', 'examples', 'date')

d = Doc('dates-ages', 'ages.json', {"$schema": S, "type": "object", "title": "Demographics"})
prop(d, 'age', type='integer', const=94); d.flag('/properties/age/const', 'const', 'age')
prop(d, 'patient_age', type='integer', enum=[91, 97]); d.flag('/properties/patient_age/enum/0', 'enum', 'age'); d.flag('/properties/patient_age/enum/1', 'enum', 'age')
prop(d, 'history', type='string', description='A 92-year-old patient with hypertension.'); d.flag('/properties/history/description', 'description', 'age')
prop(d, 'age_at_admission', type='string', examples=["96"]); d.flag('/properties/age_at_admission/examples/0', 'examples', 'age')
prop(d, 'max_age', type='integer', default=100); d.decoy('/properties/max_age/default', 'default', 'age')
prop(d, 'age_years', type='integer', minimum=0, maximum=120, const=45); d.decoy('/properties/age_years/const', 'const', 'age')
prop(d, 'cache_max_age_seconds', type='integer', default=120); d.decoy('/properties/cache_max_age_seconds/default', 'default', 'age')
prop(d, 'sex', type='string', enum=["male", "female", "other", "unknown"]); d.decoy('/properties/sex/enum/0', 'enum', 'name')

# ---------------- contact ----------------
d = Doc('contact', 'contact.json', {"$schema": S, "type": "object", "title": "Patient contact"})
prop(d, 'home_phone', type='string', const='(617) 482-9031'); d.flag('/properties/home_phone/const', 'const', 'phone')
prop(d, 'emergency_contact', type='object', properties={'phone': {"type": "string", "examples": ["+1 415.309.2277"]}}); d.flag('/properties/emergency_contact/properties/phone/examples/0', 'examples', 'phone')
prop(d, 'mobile_phone', type='string', default='6174829031'); d.flag('/properties/mobile_phone/default', 'default', 'phone')
prop(d, 'phone_617_482_9031', type='boolean'); d.flag('/properties/phone_617_482_9031', 'property-name', 'phone')
prop(d, 'fax_number', type='string', const='617-482-9032'); d.flag('/properties/fax_number/const', 'const', 'fax')
prop(d, 'referral', type='string', description="Patient's home fax: 508-221-4470."); d.flag('/properties/referral/description', 'description', 'fax')
prop(d, 'patient_email', type='string', format='email', const='maria.gonzalez@gmail.com'); d.flag('/properties/patient_email/const', 'const', 'email')
prop(d, 'guardian', type='object', properties={'email': {"type": "string", "default": "r.okafor@northbridge-health.org"}}); d.flag('/properties/guardian/properties/email/default', 'default', 'email')
prop(d, 'contact_email', type='string', examples=["dwight.k.amsel@outlook.com"]); d.flag('/properties/contact_email/examples/0', 'examples', 'email')
prop(d, 'home_address', type='string', const='4127 Willow Creek Rd'); d.flag('/properties/home_address/const', 'const', 'address')
prop(d, 'address', type='string', examples=["88 N. Harbor View Drive, Apt 4B"]); d.flag('/properties/address/examples/0', 'examples', 'address')
prop(d, 'mailing_address', type='string', default='PO Box 5521'); d.flag('/properties/mailing_address/default', 'default', 'address')
prop(d, 'residence', type='string', description='Home address: 2290 Lakeshore Blvd, Cleveland, OH 44114.')
d.flag('/properties/residence/description', 'description', 'address'); d.flag('/properties/residence/description', 'description', 'zip')
prop(d, 'zip', type='string', const='03601'); d.flag('/properties/zip/const', 'const', 'zip')
prop(d, 'zip_code', type='string', enum=["59218", "82901"]); d.flag('/properties/zip_code/enum/0', 'enum', 'zip'); d.flag('/properties/zip_code/enum/1', 'enum', 'zip')
prop(d, 'postal_code', type='string', default='02115-4410'); d.flag('/properties/postal_code/default', 'default', 'zip')
prop(d, 'record_url', type='string', format='uri', examples=["https://portal.northbridge-health.org/patients/00482913/record.json"]); d.flag('/properties/record_url/examples/0', 'examples', 'url')
prop(d, 'viewer', type='string', default='https://ehr.acmeclinic.net/view?mrn=00577120'); d.flag('/properties/viewer/default', 'default', 'url')
prop(d, 'chart_link', type='string', description='Open https://charts.riverbend-med.org/charts/55120884 for details.'); d.flag('/properties/chart_link/description', 'description', 'url')

d = Doc('contact', 'contact-decoys.json', {"$schema": S, "type": "object", "title": "Contact (placeholders and formats)"})
prop(d, 'phone', type='string', pattern='^\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}$', examples=["(617) 555-0123", "123-456-7890", "555-1212"])
d.decoy('/properties/phone/pattern', 'pattern', 'phone'); d.decoy('/properties/phone/examples/0', 'examples', 'phone'); d.decoy('/properties/phone/examples/1', 'examples', 'phone'); d.decoy('/properties/phone/examples/2', 'examples', 'phone')
prop(d, 'max_int', type='integer', default=2147483647); d.decoy('/properties/max_int/default', 'default', 'phone')
prop(d, 'limit', type='integer', const=4294967296); d.decoy('/properties/limit/const', 'const', 'phone')
prop(d, 'email', type='string', format='email', pattern='^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', examples=["someone@example.com", "jane.doe@email.com", "no-reply@contoso.com", "support@northbridge-health.org"])
d.decoy('/properties/email/pattern', 'pattern', 'email')
for i in range(4): d.decoy(f'/properties/email/examples/{i}', 'examples', 'email')
prop(d, 'icon', type='string', description='Use "icons/logo@2x.png" for retina screens.'); d.decoy('/properties/icon/description', 'description', 'email')
prop(d, 'registry', type='string', examples=["https://username:password@registry.npmjs.org"]); d.decoy('/properties/registry/examples/0', 'examples', 'email')
prop(d, 'address', type='string', examples=["123 Main St", "742 Evergreen Terrace"], description='Street address, e.g. Main Street.'); d.decoy('/properties/address/examples/0', 'examples', 'address'); d.decoy('/properties/address/examples/1', 'examples', 'address')
prop(d, 'zip', type='string', pattern='^\\d{5}(-\\d{4})?$', examples=["12345"]); d.decoy('/properties/zip/pattern', 'pattern', 'zip'); d.decoy('/properties/zip/examples/0', 'examples', 'zip')
prop(d, 'port', type='integer', default=27017); d.decoy('/properties/port/default', 'default', 'zip')
prop(d, 'grpc_port', type='integer', enum=[50051, 65535]); d.decoy('/properties/grpc_port/enum/0', 'enum', 'zip')
prop(d, 'state', type='string', enum=["Virginia", "Georgia", "Carolina", "MA", "NY"]); d.decoy('/properties/state/enum/0', 'enum', 'name')
prop(d, 'city', type='string', enum=["San Jose", "St. Louis", "Los Angeles"]); d.decoy('/properties/city/enum/0', 'enum', 'name')
prop(d, 'docs', type='string', format='uri', default='https://api.example.org/patients/{id}'); d.decoy('/properties/docs/default', 'default', 'url')
prop(d, 'fhir', type='string', const='https://hl7.org/fhir/Patient'); d.decoy('/properties/fhir/const', 'const', 'url')
prop(d, 'phone_number', type='string'); d.decoy('/properties/phone_number', 'property-name', 'phone')
prop(d, 'email_address', type='string'); d.decoy('/properties/email_address', 'property-name', 'email')

# ---------------- accounts and licenses ----------------
d = Doc('accounts-licenses', 'billing.json', {"$schema": S, "type": "object", "title": "Billing"})
prop(d, 'card_number', type='string', const='4539 1488 0343 6467'); d.flag('/properties/card_number/const', 'const', 'account')
prop(d, 'patient_account_number', type='string', default='004829133'); d.flag('/properties/patient_account_number/default', 'default', 'account')
prop(d, 'iban', type='string', examples=["DE44 5001 0517 5407 3249 31"]); d.flag('/properties/iban/examples/0', 'examples', 'account')
prop(d, 'statement', type='string', description='Balance due on Account No. 77200041.'); d.flag('/properties/statement/description', 'description', 'account')
prop(d, 'bank_account', type='string', enum=["7720-0041-8812"]); d.flag('/properties/bank_account/enum/0', 'enum', 'account')
prop(d, 'test_card', type='string', examples=["4111111111111111", "1234 5678 9012 3456"]); d.decoy('/properties/test_card/examples/0', 'examples', 'account'); d.decoy('/properties/test_card/examples/1', 'examples', 'account')
prop(d, 'order_total_cents', type='integer', default=1999000); d.decoy('/properties/order_total_cents/default', 'default', 'account')

d = Doc('accounts-licenses', 'licenses.json', {"$schema": S, "type": "object", "title": "Prescriber"})
# Provider identifiers name a prescriber or a practice, not a patient: notes at most (DESIGN.md 4).
prop(d, 'prescriber_dea', type='string', const='FN5623740'); d.decoy('/properties/prescriber_dea/const', 'const', 'license')
prop(d, 'npi', type='string', const='1518273648'); d.decoy('/properties/npi/const', 'const', 'license')
prop(d, 'rendering_provider', type='object', properties={'npi': {"type": "string", "examples": ["1684012937"]}}); d.decoy('/properties/rendering_provider/properties/npi/examples/0', 'examples', 'license')
prop(d, 'drivers_license_number', type='string', const='D1284770'); d.flag('/properties/drivers_license_number/const', 'const', 'license')
prop(d, 'credentials', type='string', description='State medical License No. MD0048291, board certified.'); d.flag('/properties/credentials/description', 'description', 'license')
prop(d, 'license', type='string', enum=["MIT", "Apache-2.0", "GPL-3.0-only"]); d.decoy('/properties/license/enum/0', 'enum', 'license')
prop(d, 'npi_format', type='string', pattern='^[12]\\d{9}$', examples=["1234567893"]); d.decoy('/properties/npi_format/pattern', 'pattern', 'license'); d.decoy('/properties/npi_format/examples/0', 'examples', 'license')
prop(d, 'dea_number', type='string', maxLength=9); d.decoy('/properties/dea_number', 'property-name', 'license')

# ---------------- devices, vehicles, network, biometrics ----------------
d = Doc('devices-vehicles', 'devices.json', {"$schema": S, "type": "object", "title": "Implant registry"})
prop(d, 'udi', type='string', default='(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234'); d.flag('/properties/udi/default', 'default', 'device')
prop(d, 'pacemaker_serial_number', type='string', const='PJN4829133'); d.flag('/properties/pacemaker_serial_number/const', 'const', 'device')
prop(d, 'imei', type='string', const='356938035643817'); d.flag('/properties/imei/const', 'const', 'device')
prop(d, 'device_mac', type='string', examples=["3c:22:fb:91:0e:47"]); d.flag('/properties/device_mac/examples/0', 'examples', 'device')
prop(d, 'product_di', type='string', const='(01)51022222233336'); d.decoy('/properties/product_di/const', 'const', 'device')
prop(d, 'vm_mac', type='string', const='02:84:cf:3b:be:01'); d.decoy('/properties/vm_mac/const', 'const', 'device')
prop(d, 'firmware_version', type='string', const='4.12.3'); d.decoy('/properties/firmware_version/const', 'const', 'ip')
prop(d, 'vin', type='string', const='1M8GDM9AXKP042788'); d.flag('/properties/vin/const', 'const', 'vehicle')
prop(d, 'fleet', type='array', items={"type": "string", "enum": ["LJCPCBLCX11000237"]}); d.flag('/properties/fleet/items/enum/0', 'enum', 'vehicle')
prop(d, 'license_plate', type='string', const='7XKR482'); d.flag('/properties/license_plate/const', 'const', 'vehicle')
prop(d, 'vin_format', type='string', pattern='^[A-HJ-NPR-Z0-9]{17}$', description='17-character VIN'); d.decoy('/properties/vin_format/pattern', 'pattern', 'vehicle')
prop(d, 'fingerprint_template', type='string', default='Rk1SACAyMAAAAAFcAAABQAHgAMUAxQEAAAAoJ0CAEQBXhFEAQQCSWgBAWgCfjgBAeQCrjwBA0QCxlQCAfADCmQ'); d.flag('/properties/fingerprint_template/default', 'default', 'biometric')
prop(d, 'patient_photo', type='string', default='data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDAoQDw8PDw'); d.flag('/properties/patient_photo/default', 'default', 'biometric')
prop(d, 'app_icon', type='string', default='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAAXNSR0IArs4c6QAAAARnQU1BAACx'); d.decoy('/properties/app_icon/default', 'default', 'biometric')

d = Doc('devices-vehicles', 'network.json', {"$schema": S, "type": "object", "title": "Access log"})
prop(d, 'ip', type='string', const='73.162.15.201'); d.flag('/properties/ip/const', 'const', 'ip')
prop(d, 'client_ip', type='string', examples=["98.207.44.12"]); d.flag('/properties/client_ip/examples/0', 'examples', 'ip')
prop(d, 'remote_addr', type='string', default='2607:f8b0:4005:80a::200e'); d.flag('/properties/remote_addr/default', 'default', 'ip')
prop(d, 'login', type='string', description='Patient portal login from IP 68.41.201.17 flagged.'); d.flag('/properties/login/description', 'description', 'ip')
prop(d, 'server_host', type='string', default='172.15.0.1'); d.decoy('/properties/server_host/default', 'default', 'ip')
prop(d, 'private_ips', type='string', enum=["10.0.0.1", "192.168.1.20", "127.0.0.1", "255.255.255.0"]); d.decoy('/properties/private_ips/enum/0', 'enum', 'ip')
prop(d, 'doc_ip', type='string', examples=["192.0.2.44", "2001:db8::1"]); d.decoy('/properties/doc_ip/examples/0', 'examples', 'ip'); d.decoy('/properties/doc_ip/examples/1', 'examples', 'ip')
prop(d, 'version', type='string', const='1.2.3.4'); d.decoy('/properties/version/const', 'const', 'ip')
prop(d, 'oid', type='string', const='urn:oid:2.16.840.1.113883.4.1'); d.decoy('/properties/oid/const', 'const', 'ip')
prop(d, 'cidr', type='string', examples=["73.162.15.0/24", "2001:db9::/64"]); d.decoy('/properties/cidr/examples/0', 'examples', 'ip')
prop(d, 'ip_address', type='string', format='ipv4'); d.decoy('/properties/ip_address', 'property-name', 'ip')

# ---------------- mixed: identifiers in less common places ----------------
d = Doc('mixed-sites', 'discharge-summary.json', {"$schema": S, "type": "object", "title": "Discharge summary for SSN 604-18-2277",
  "description": "Structured output for the discharge of a 93 y/o patient born 7/30/1931, phone (503) 847-2219.",
  "properties": {
    "born_march_12_1984": {"type": "boolean"},
    "callback": {"type": "string", "description": "Patient callback number", "enum": ["503-847-2219", "971-204-6630"]},
    "next_of_kin": {"type": "object", "properties": {"email": {"type": "string", "const": "t.nakamura88@yahoo.com"}, "home_phone": {"type": "string", "default": "+1 (971) 204-6630"}}},
    "followup": {"type": "string", "description": "Follow-up visit date of service 2024-01-15 at 4127 Willow Creek Rd."},
    "device": {"type": "object", "properties": {"serial_number": {"type": "string", "examples": ["GLM-7730418-B"]}}},
    "vehicle": {"type": "object", "properties": {"vin": {"type": "string", "description": "Ambulance VIN 1HGCM82633A004352 recorded."}}},
    "insurance_card": {"type": "string", "examples": ["Member ID: QWX51820933"]},
    "x-audit": {"type": "string", "x-reviewed-ip": "81.2.69.160"},
    "source_url": {"type": "string", "examples": ["https://records.stlukes-health.org/api/Patient/55120884"]}
  },
  "patternProperties": {"^(maria|robert)_(1979-11-23|1988-02-14)$": {"type": "object"}}})
d.flag('/title', 'title', 'ssn')
d.flag('/description', 'description', 'age'); d.flag('/description', 'description', 'dob'); d.flag('/description', 'description', 'phone')
d.flag('/properties/born_march_12_1984', 'property-name', 'dob')
d.flag('/properties/callback/enum/0', 'enum', 'phone'); d.flag('/properties/callback/enum/1', 'enum', 'phone')
d.flag('/properties/next_of_kin/properties/email/const', 'const', 'email'); d.flag('/properties/next_of_kin/properties/home_phone/default', 'default', 'phone')
d.flag('/properties/followup/description', 'description', 'date'); d.flag('/properties/followup/description', 'description', 'address')
d.flag('/properties/device/properties/serial_number/examples/0', 'examples', 'device')
d.flag('/properties/vehicle/properties/vin/description', 'description', 'vehicle')
d.flag('/properties/insurance_card/examples/0', 'examples', 'health-plan')
d.flag('/properties/x-audit/x-reviewed-ip', 'other', 'ip')
# A FHIR reference inside a URL is the URL's finding: one string, one identifier.
d.flag('/properties/source_url/examples/0', 'examples', 'url')
d.flag('/patternProperties/^(maria|robert)_(1979-11-23|1988-02-14)$', 'pattern-property', 'date')

# ---------------- clean, realistic schemas ----------------
d = Doc('clean', 'weather-tool.json', {"$schema": S, "type": "object", "title": "get_weather", "description": "Get the current weather for a city. Returns temperature in Celsius.",
  "properties": {"city": {"type": "string", "description": "City name, e.g. San Francisco"}, "units": {"type": "string", "enum": ["metric", "imperial"], "default": "metric"},
  "days": {"type": "integer", "minimum": 1, "maximum": 14, "default": 3}, "api_version": {"type": "string", "const": "2024-02-15-preview"}}, "required": ["city"]})
d = Doc('clean', 'appointment.json', {"$schema": S, "type": "object", "title": "Book appointment", "description": "Books an appointment. Dates use ISO 8601 (YYYY-MM-DD).",
  "properties": {"patient_id": {"type": "string", "format": "uuid"}, "first_name": {"type": "string", "maxLength": 100}, "last_name": {"type": "string", "maxLength": 100},
  "date_of_birth": {"type": "string", "format": "date"}, "phone": {"type": "string", "pattern": "^\\+?[1-9]\\d{1,14}$"}, "email": {"type": "string", "format": "email"},
  "visit_type": {"type": "string", "enum": ["new", "follow-up", "telehealth"]}, "duration_minutes": {"type": "integer", "enum": [15, 30, 45, 60]},
  "blood_type": {"type": "string", "enum": ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]}, "relationship": {"type": "string", "enum": ["mother", "father", "spouse", "child", "guardian"]},
  "language": {"type": "string", "enum": ["English", "Spanish", "Mandarin"]}, "race": {"type": "string", "enum": ["American Indian or Alaska Native", "Asian", "Black or African American", "White"]},
  "insurance": {"type": "object", "properties": {"payer": {"type": "string", "enum": ["Medicare", "Medicaid", "Kaiser Permanente", "Aetna"]}, "member_id": {"type": "string", "pattern": "^[A-Z0-9]{6,20}$"}, "group_number": {"type": "string"}}}},
  "required": ["patient_id", "date_of_birth"], "additionalProperties": False})
d = Doc('clean', 'upload.yaml', None)
d.text = """# File upload limits (synthetic, realistic)
type: object
title: Upload settings
properties:
  max_file_size:
    type: integer
    description: Maximum size in bytes (default 100 MiB = 104857600).
    default: 104857600
  chunk_size:
    type: integer
    default: 268435456
  max_connections:
    type: integer
    default: 65535
  retry_after_seconds:
    type: integer
    default: 86400
  content_types:
    type: array
    items:
      type: string
      enum: [application/json, image/png, text/csv]
  checksum:
    type: string
    examples: [e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855]
  release:
    type: string
    description: Supported since v2.3.1 (2023-09-14). Uses JSON Schema draft 2020-12.
  build_id:
    type: string
    examples: ["20241022.3"]
  trace_id:
    type: string
    examples: ["4bf92f3577b34da6a3ce929d0e0e4736"]
  limits:
    type: object
    properties:
      uint32_max:
        type: integer
        const: 4294967295
      int32_max:
        type: integer
        const: 2147483647
"""
d = Doc('clean', 'medication.json', {"$schema": S, "type": "object", "title": "Medication order",
  "properties": {"drug_name": {"type": "string", "examples": ["amoxicillin", "Lipitor"]}, "ndc": {"type": "string", "pattern": "^\\d{4,5}-\\d{3,4}-\\d{1,2}$", "examples": ["0002-8215-01", "50090-2876-0"]},
  "dose_mg": {"type": "number", "examples": [500, 2.5]}, "route": {"type": "string", "enum": ["oral", "IV", "IM", "subcutaneous"]},
  "icd10": {"type": "string", "examples": ["E11.9", "I25.10", "M54.5"]}, "cpt": {"type": "string", "examples": ["99213"]}, "loinc": {"type": "string", "examples": ["2345-7", "4548-4"]},
  "frequency": {"type": "string", "enum": ["QD", "BID", "TID", "QID", "PRN"]}, "scale": {"type": "string", "enum": ["Glasgow Coma Scale", "Braden scale", "Apgar score"]},
  "hospital": {"type": "string", "enum": ["Mayo Clinic", "Johns Hopkins Hospital", "Cedars-Sinai"]}, "font": {"type": "string", "enum": ["Arial Black", "Georgia"]}}})

# write
for folder, docs in folders.items():
    os.makedirs(f'{ROOT}/{folder}', exist_ok=True)
    lines = []
    for doc in docs:
        path = f'{ROOT}/{folder}/{doc.name}'
        if doc.schema is None:
            open(path, 'w').write(doc.text)
        else:
            open(path, 'w').write(json.dumps(doc.schema, indent=2, ensure_ascii=False) + '\n')
        lines += [json.dumps(l) for l in doc.labels]
    open(f'{ROOT}/{folder}/labels.jsonl', 'w').write('\n'.join(lines) + ('\n' if lines else ''))
print({f: sum(len(d.labels) for d in ds) for f, ds in folders.items()})
