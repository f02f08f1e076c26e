#!/usr/bin/env python3
# Writes the detection-v2 corpus: one file per class of the detection issue (PHI inside
# identifiers, cues in prose, Safe Harbor identifiers under their own names, values that
# identify a person anywhere, medical codes and provider ids that are not PHI), with
# labels.jsonl. Synthetic values only: valid in form, belonging to no one.
# usage: python3 corpus/detection-v2/generate.py
import json, os
ROOT = os.path.dirname(os.path.abspath(__file__))
labels = []

def esc(t): return str(t).replace('~', '~0').replace('/', '~1')
def ptr(*tokens): return ''.join('/' + esc(t) for t in tokens)
def label(file, pointer, site, category, expect='flag'):
    labels.append(dict(file=file, pointer=pointer, site=site, category=category, expect=expect))
def label_all(file, entries, expect='flag'):
    for pointer, site, category in entries:
        label(file, pointer, site, category, expect)

def vin(body):
    """A VIN with its check digit (49 CFR 565) in position 9."""
    values = dict(zip('ABCDEFGHJKLMNPRSTUVWXYZ', [1,2,3,4,5,6,7,8,1,2,3,4,5,7,9,2,3,4,5,6,7,8,9]))
    weights = [8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2]
    total = sum((int(c) if c.isdigit() else values[c]) * w for c, w in zip(body, weights))
    check = total % 11
    return body[:8] + ('X' if check == 10 else str(check)) + body[9:]

def gtin(first13):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(first13))
    return first13 + str((10 - total % 10) % 10)

def write(name, document):
    with open(os.path.join(ROOT, name), 'w') as f:
        json.dump(document, f, indent=2)
        f.write('\n')

# 1. PHI inside identifiers: tool names and property names, read as runs of segments.
tools = [
    ('verify_ssn_536904399', 'ssn'),
    ('lookup_dob_19720415', 'dob'),
    ('fax_to_6172398841', 'fax'),
    ('mbi_3KD7-TN2-WQ45', 'mbi'),
    ('dl_84736152', 'license'),
    ('device_SNRX48201937', 'device'),
    ('vin_' + vin('1FTFW1E50NFA12345'), 'vehicle'),
    ('statement_PA70293815', 'account'),
]
doc = {'tools': []}
for i, (name, category) in enumerate(tools):
    doc['tools'].append({'name': name, 'description': 'Look up a record.', 'strict': True,
                         'input_schema': {'type': 'object', 'properties': {'q': {'type': 'string'}}, 'additionalProperties': False}})
    label('identifiers.json', ptr('tools', i, 'name'), 'tool-name', category)
props = {
    'discharged_04/11/2021': 'date',
    'visit_4127_willow_creek_rd': 'address',
    'callback_3129047735': 'phone',
    'acct_ACCT-7720418839': 'account',
}
doc['tools'].append({'name': 'intake_form', 'description': 'Intake form.', 'strict': True,
                     'input_schema': {'type': 'object', 'properties': {k: {'type': 'string'} for k in props}, 'additionalProperties': False}})
for k, category in props.items():
    label('identifiers.json', ptr('tools', len(tools), 'input_schema', 'properties', k), 'property-name', category)
write('identifiers.json', doc)

# 2. Cues inside prose: the words just before a value say what it is.
prose = [
    ('Bill to guarantor account 771204938812.', 'account'),
    ('Patient lives in ZIP 60614-2207.', 'zip'),
    ("Verified with driver's license D4829-1173-0042 (IL).", 'license'),
    ('Implanted pump, serial PMX44019283.', 'device'),
    ('Call the patient back at 3129047735.', 'phone'),
    ('Medicare MBI on record: 5HT2-QK8-RW61.', 'mbi'),
    ('Chart for Maria Okafor (MRN 00731942).', 'mrn'),
    ('Parking validation for plate 7KQ 392.', 'vehicle'),
    ('Seen on 11/04/2023 for follow-up.', 'date'),
]
schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object', 'properties': {}}
for i, (text, category) in enumerate(prose):
    schema['properties'][f'note_{i}'] = {'type': 'string', 'description': text}
    label('prose.json', ptr('properties', f'note_{i}', 'description'), 'description', category)
    if 'Maria Okafor' in text:
        label('prose.json', ptr('properties', f'note_{i}', 'description'), 'description', 'name')
schema['properties']['chart'] = {'type': 'string', 'title': 'Chart for Maria Okafor'}
label('prose.json', ptr('properties', 'chart', 'title'), 'title', 'name')
schema['properties']['member'] = {'type': 'string', 'title': 'Member W771930425'}
label('prose.json', ptr('properties', 'member', 'title'), 'title', 'health-plan')
# A sample in prose shows a format: silent.
schema['properties']['fax_number'] = {'type': 'string', 'description': 'Ten digits, e.g. 3129047735.'}
label('prose.json', ptr('properties', 'fax_number', 'description'), 'description', 'fax', 'no-flag')
write('prose.json', schema)

# 3. Safe Harbor identifiers under their own names.
udi = '(01)' + gtin('0088452113642') + '(17)270930(10)LOT77A(21)SN20931174'
schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object', 'properties': {
    'account_number': {'type': 'string', 'const': 'PA61029384'},
    'drivers_license': {'type': 'string', 'enum': ['WDLK7Q2MZ4R8', '912 447 038']},
    'implant_udi': {'type': 'string', 'const': udi},
    'license_plate': {'type': 'string', 'examples': ['7KQ 392']},
    'zip': {'type': 'string', 'enum': ['60614', '02139-4307']},
    'member_id': {'type': 'string', 'default': 'XKP920174463'},
}}
label_all('safe-harbor.json', [
    (ptr('properties', 'account_number', 'const'), 'const', 'account'),
    (ptr('properties', 'drivers_license', 'enum', 0), 'enum', 'license'),
    (ptr('properties', 'drivers_license', 'enum', 1), 'enum', 'license'),
    (ptr('properties', 'implant_udi', 'const'), 'const', 'device'),
    (ptr('properties', 'license_plate', 'examples', 0), 'examples', 'vehicle'),
    (ptr('properties', 'zip', 'enum', 0), 'enum', 'zip'),
    (ptr('properties', 'zip', 'enum', 1), 'enum', 'zip'),
    (ptr('properties', 'member_id', 'default'), 'default', 'health-plan'),
])
write('safe-harbor.json', schema)

# 4. Values that identify a person wherever they are.
schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object', 'properties': {
    'contact': {'type': 'string', 'const': 'okafor.maria81@gmail.com'},
    'link': {'type': 'string', 'enum': ['https://portal.northbridgeclinic.org/p/maria-okafor-19840312',
                                        'https://ehr.northbridgeclinic.org/fhir/Patient/80417263']},
    'last_login': {'type': 'string', 'description': 'Last patient portal login from 2a03:4f1:9c20:11::7e2b.'},
    'mobile_phone': {'type': 'string', 'examples': ['+16172398841', '617-239-8841 x623']},
    'ssn': {'type': 'string', 'default': '536.90.4399'},
    'medicare_id': {'type': 'string', 'const': '3kd7-tn2-wq45'},
    'taxpayer_itin': {'type': 'string', 'const': '912701234'},
    'birth_date': {'type': 'string', 'examples': ['23/04/1984']},
    'emergency_contact_phone': {'type': 'string', 'enum': ['+44 20 3184 2957', '+49 30 90182736', '+44 20 7946 0958']},
    'notes': {'type': 'string', 'description': 'Call the guardian back at +33 1 42 68 53 00.'},
}}
label_all('values.json', [
    (ptr('properties', 'contact', 'const'), 'const', 'email'),
    (ptr('properties', 'link', 'enum', 0), 'enum', 'url'),
    (ptr('properties', 'link', 'enum', 1), 'enum', 'url'),
    (ptr('properties', 'last_login', 'description'), 'description', 'ip'),
    (ptr('properties', 'mobile_phone', 'examples', 0), 'examples', 'phone'),
    (ptr('properties', 'mobile_phone', 'examples', 1), 'examples', 'phone'),
    (ptr('properties', 'ssn', 'default'), 'default', 'ssn'),
    (ptr('properties', 'medicare_id', 'const'), 'const', 'mbi'),
    (ptr('properties', 'taxpayer_itin', 'const'), 'const', 'other-id'),
    (ptr('properties', 'birth_date', 'examples', 0), 'examples', 'dob'),
    (ptr('properties', 'emergency_contact_phone', 'enum', 0), 'enum', 'phone'),
    (ptr('properties', 'emergency_contact_phone', 'enum', 1), 'enum', 'phone'),
    (ptr('properties', 'notes', 'description'), 'description', 'phone'),
])
# Ofcom's drama range is a sample.
label('values.json', ptr('properties', 'emergency_contact_phone', 'enum', 2), 'enum', 'phone', 'no-flag')
write('values.json', schema)

# 4b. Names where a name is expected: a field named for a person by role, the
# `Last, First` order, a role cue before two ambiguous name words, a surname-first
# identifier. Prose under a role field and other words after a cue stay silent.
schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object', 'properties': {
    'guardian': {'type': 'string', 'default': 'DOLORES PRICE'},
    'insured_of_record': {'type': 'string', 'examples': ['Baker, Ivy']},
    'patient_name': {'type': 'string', 'const': 'Brown, Olive'},
    'notes': {'type': 'string', 'description': 'Summary for Nancy White.'},
    'WalshBrenda': {'type': 'string'},
    'visit': {'type': 'string', 'title': 'Dolores Whitfield (04/11/1957)', 'description': 'Called Mrs. Whitfield about her results.'},
    'patient': {'type': 'string', 'title': 'Patient Portal Login', 'enum': ['inpatient', 'outpatient'],
                'description': "The patient's legal name as printed on the card."},
}}
label_all('names-expected.json', [
    (ptr('properties', 'guardian', 'default'), 'default', 'name'),
    (ptr('properties', 'insured_of_record', 'examples', 0), 'examples', 'name'),
    (ptr('properties', 'patient_name', 'const'), 'const', 'name'),
    (ptr('properties', 'notes', 'description'), 'description', 'name'),
    (ptr('properties', 'WalshBrenda'), 'property-name', 'name'),
    (ptr('properties', 'visit', 'title'), 'title', 'name'),
    (ptr('properties', 'visit', 'title'), 'title', 'date'),
    (ptr('properties', 'visit', 'description'), 'description', 'name'),
])
label_all('names-expected.json', [
    (ptr('properties', 'patient', 'title'), 'title', 'name'),
    (ptr('properties', 'patient', 'enum', 0), 'enum', 'name'),
    (ptr('properties', 'patient', 'description'), 'description', 'name'),
], 'no-flag')
write('names-expected.json', schema)

# 5. Not PHI: codes of medical vocabularies, format masks, invalid values under a named
# field, provider identifiers, SPDX ids, genetic variants, durations.
schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object',
          'description': 'Create a claim for the patient account.', 'properties': {
    'cpt_code': {'type': 'string', 'enum': ['99214', '36415', '93000']},
    'loinc': {'type': 'string', 'enum': ['2345-7', '718-7']},
    'code_system': {'type': 'string', 'const': 'urn:oid:2.16.840.1.113883.6.1'},
    'icd10_codes': {'type': 'array', 'items': {'type': 'string', 'enum': ['E11.9', 'M54.50']}},
    'ndc': {'type': 'string', 'enum': ['0071-0155-23']},
    'medicare_beneficiary_id': {'type': 'string', 'examples': ['1AA0-AA0-AA00', '0EG4-TE5-MK72']},
    'prescriber_npi': {'type': 'string', 'const': '1518273648'},
    'license': {'type': 'string', 'enum': ['HPND-Markus-Kuhn', 'MIT']},
    'variant': {'type': 'string', 'const': 'chr7:g.140753336A>T'},
    'license_ttl_seconds': {'type': 'integer', 'default': 43200},
}}
label_all('not-phi.json', [
    (ptr('properties', 'cpt_code', 'enum', 0), 'enum', 'mrn'),
    (ptr('properties', 'cpt_code', 'enum', 1), 'enum', 'zip'),
    (ptr('properties', 'cpt_code', 'enum', 2), 'enum', 'account'),
    (ptr('properties', 'loinc', 'enum', 0), 'enum', 'device'),
    (ptr('properties', 'loinc', 'enum', 1), 'enum', 'ssn'),
    (ptr('properties', 'code_system', 'const'), 'const', 'license'),
    (ptr('properties', 'icd10_codes', 'items', 'enum', 0), 'enum', 'mrn'),
    (ptr('properties', 'ndc', 'enum', 0), 'enum', 'phone'),
    (ptr('properties', 'medicare_beneficiary_id', 'examples', 0), 'examples', 'mbi'),
    (ptr('properties', 'medicare_beneficiary_id', 'examples', 1), 'examples', 'mbi'),
    (ptr('properties', 'prescriber_npi', 'const'), 'const', 'license'),
    (ptr('properties', 'license', 'enum', 0), 'enum', 'name'),
    (ptr('properties', 'variant', 'const'), 'const', 'mbi'),
], 'no-flag')
write('not-phi.json', schema)

with open(os.path.join(ROOT, 'labels.jsonl'), 'w') as f:
    for entry in labels:
        f.write(json.dumps(entry) + '\n')
print(f'{len(labels)} labels')
