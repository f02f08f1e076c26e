#!/usr/bin/env python3
"""Writes the person-name corpus (schemas + labels.jsonl) into this folder.

Every name here is synthetic: common U.S. first names and surnames combined at will
(no real patient). Positives sit in every site a name can take: enum, const, default,
examples, property names, $defs keys, required, titles, descriptions, tool names and
tool descriptions. Decoys are the hard negatives of the reference notes: colours,
months, weekdays, common words that are names, drugs, eponyms, companies, hospitals,
cities, states, technology and fonts, and field names that describe a name.

Run: python3 corpus/names/generate.py   (deterministic: same bytes every time)
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
labels = []


def esc(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens):
    return "".join("/" + esc(t) for t in tokens)


def label(file, ptr, site, expect):
    labels.append({"file": file, "pointer": ptr, "site": site, "category": "name", "expect": expect})


def write(file, document):
    with open(os.path.join(HERE, file), "w", encoding="utf-8", newline="\n") as handle:
        json.dump(document, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def values(file, base, keyword, items, expect, site=None):
    """A list of values under `keyword` (enum, examples), each labeled."""
    site = site or keyword
    for i, _ in enumerate(items):
        label(file, pointer(*base, keyword, i), site, expect)
    return items


# --- 1. Enums of patients -----------------------------------------------------------
f = "patient-enums.json"
full_names = ["Maria Gonzalez", "Robert Okafor", "Kevin Nguyen", "Angela Brooks", "Daniel Whitfield", "Samantha Reyes"]
doctors = ["Dr. Patricia Lindqvist", "Dr. Okafor", "Mrs. Dolores Hernandez", "Mr. Thomas J. Whitfield"]
last_first = ["Gonzalez, Maria", "Okafor, Robert A.", "Nguyen, Kevin", "Brooks, Angela M."]
single_firsts = ["Melissa", "Jonathan", "Brittany", "Christopher"]
write(f, {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Appointment booking",
    "type": "object",
    "properties": {
        "patient": {"type": "string", "enum": values(f, ["properties", "patient"], "enum", full_names, "flag")},
        "clinician": {"type": "string", "enum": values(f, ["properties", "clinician"], "enum", doctors, "flag")},
        "guarantor": {"type": "string", "enum": values(f, ["properties", "guarantor"], "enum", last_first, "flag")},
        "first_name": {"type": "string", "enum": values(f, ["properties", "first_name"], "enum", single_firsts, "flag")},
        "caregiver": {"type": "string", "enum": values(f, ["properties", "caregiver"], "enum",
                      ["Grace Hill", "Kimberly Long", "Stephanie Moore", "Timothy Wright"], "flag")},
    },
})

# --- 2. const, default, examples ----------------------------------------------------
f = "values.json"
consts = {
    "patient_name": ("const", "José Luis García Márquez"),
    "mother_name": ("const", "Emily Smith-Jones"),
    "emergency_contact": ("const", "Sean O'Brien"),
    "legal_name": ("const", "KEVIN NGUYEN"),
    "preferred_name": ("default", "Heather Kowalski"),
    "subscriber": ("default", "Brian T. Castellano"),
    "referral": ("default", "Okafor, Robert"),
    "last_name": ("const", "Abernathy"),
    "surname": ("default", "Kowalski"),
    "given_name": ("default", "Vanessa"),
    "insured": ("const", "Maria de la Cruz"),
    "next_of_kin": ("default", "Rebecca Yamamoto"),
    "pcp": ("const", "Dr. Anthony Russo"),
    "signer": ("default", "Nicole Abernathy"),
}
props = {}
for name, (keyword, value) in consts.items():
    props[name] = {"type": "string", keyword: value}
    label(f, pointer("properties", name, keyword), keyword, "flag")
examples = ["Lauren Fitzgerald", "Marcus Delgado", "Tiffany Oyelaran"]
props["contact_name"] = {"type": "string", "examples": values(f, ["properties", "contact_name"], "examples", examples, "flag")}
props["patient_identifier"] = {"type": "string", "examples": values(f, ["properties", "patient_identifier"], "examples",
                                                                    ["jessica_morales_1988_04_17", "andrewKowalczyk"], "flag")}
write(f, {"type": "object", "title": "Intake form", "properties": props})

# --- 3. Property names, $defs keys, required ---------------------------------------
f = "identifiers.json"
named_props = ["maria_gonzalez_1984_03_12", "robertOkafor", "patient-kevin-nguyen", "AngelaBrooksNotes", "daniel_j_whitfield"]
defs = ["SamanthaReyesRecord", "carlos_mendoza_history"]
props = {}
for name in named_props:
    props[name] = {"type": "string"}
    label(f, pointer("properties", name), "property-name", "flag")
for i, name in enumerate(named_props[:3]):
    label(f, pointer("required", i), "required", "flag")
describing = ["first_name", "patient_last_name", "emergency_contact_name", "mothers_maiden_name", "date_of_birth",
              "minDockerVersion", "hunter_score", "grant_type", "mason_jar_count", "will_call", "mark_as_read",
              "billing_address", "rose_chart_id", "max_len", "jenkins_job", "wilson_score_interval"]
for name in describing:
    props[name] = {"type": "string"}
    label(f, pointer("properties", name), "property-name", "no-flag")
for name in defs:
    label(f, pointer("$defs", name), "defs-key", "flag")
for name in ["PatientName", "HumanName", "ContactPoint"]:
    label(f, pointer("$defs", name), "defs-key", "no-flag")
# The birth date inside the first property name is a date finding of its own.
for ptr, site in [(pointer("properties", named_props[0]), "property-name"), (pointer("required", 0), "required")]:
    labels.append({"file": f, "pointer": ptr, "site": site, "category": "date", "expect": "flag"})
write(f, {
    "type": "object",
    "properties": props,
    "required": named_props[:3] + ["first_name"],
    "$defs": {name: {"type": "object"} for name in defs + ["PatientName", "HumanName", "ContactPoint"]},
})
label(f, pointer("required", 3), "required", "no-flag")

# --- 4. Titles and descriptions -----------------------------------------------------
f = "prose.json"
flagged = {
    "summary": ("description", "Patient Robert Okafor, DOB March 12, 1984, seen for follow-up."),
    "handoff": ("description", "Escalate to Mrs. Hernandez if the dose changes."),
    "owner": ("title", "Angela Brooks"),
    "note": ("description", "Discharge summary for patient Kevin Nguyen."),
    "record": ("title", "Chart of Samantha Reyes"),
}
clean = {
    "first": ("description", "The patient's first name, as on the insurance card."),
    "severity": ("description", "Parkinson's disease severity on the Hoehn and Yahr scale."),
    "gcs": ("description", "Score on the Glasgow Coma Scale, 3 to 15."),
    "ibd": ("description", "Whether the patient has Crohn's disease or ulcerative colitis."),
    "site": ("description", "Clinic location, e.g. Mayo Clinic or Johns Hopkins Hospital."),
    "grant": ("title", "Grant Type"),
    "pickup": ("title", "Will Call Pickup"),
    "read": ("title", "Mark As Read"),
    "lang": ("description", "Compatible with Ruby, Julia and Swift clients."),
    "fmt": ("description", "Date of birth in YYYY-MM-DD format."),
    "sample": ("description", "Use a placeholder such as John Doe in tests."),
    "name": ("title", "Patient Name"),
}
props = {}
for name, (keyword, text) in list(flagged.items()) + list(clean.items()):
    props[name] = {"type": "string", keyword: text}
    label(f, pointer("properties", name, keyword), keyword, "flag" if name in flagged else "no-flag")
labels.append({"file": f, "pointer": pointer("properties", "summary", "description"), "site": "description", "category": "dob", "expect": "flag"})
write(f, {"type": "object", "properties": props})

# --- 5. Tool definitions (Anthropic Messages request) -------------------------------
f = "tools.json"
write(f, {
    "model": "claude-sonnet-4-5",
    "max_tokens": 512,
    "messages": [{"role": "user", "content": "Send the results."}],
    "tools": [
        {
            "name": "send_results_to_maria_gonzalez",
            "strict": True,
            "description": "Sends the latest lab results to patient Maria Gonzalez.",
            "input_schema": {
                "type": "object",
                "properties": {
                    "recipient": {"type": "string", "enum": ["Maria Gonzalez", "Luis Gonzalez"]},
                    "cc": {"type": "string", "default": "Dr. Patricia Lindqvist"},
                },
            },
        },
        {
            "name": "get_patient_by_mrn",
            "description": "Looks up a patient by medical record number.",
            "input_schema": {
                "type": "object",
                "properties": {"mrn": {"type": "string"}, "first_name": {"type": "string"}},
            },
        },
    ],
})
label(f, "/tools/0/name", "tool-name", "flag")
label(f, "/tools/0/description", "tool-description", "flag")
label(f, "/tools/0/input_schema/properties/recipient/enum/0", "enum", "flag")
label(f, "/tools/0/input_schema/properties/recipient/enum/1", "enum", "flag")
label(f, "/tools/0/input_schema/properties/cc/default", "default", "flag")
label(f, "/tools/1/name", "tool-name", "no-flag")
label(f, "/tools/1/description", "tool-description", "no-flag")
label(f, "/tools/1/input_schema/properties/first_name", "property-name", "no-flag")

# --- 6. Decoys ------------------------------------------------------------------------
f = "decoys.json"
decoys = {
    "color": ["Red", "Hunter Green", "Rose", "Olive", "Amber", "Ruby Red", "Hazel", "Violet", "Navy Blue", "Rose Gold"],
    "month": ["January", "April", "May", "June", "July", "August", "October"],
    "weekday": ["Monday", "Tuesday", "Friday", "Saturday", "Sunday"],
    "word": ["Will", "Grant", "Mark", "Bill", "Hope", "Faith", "Grace Period", "Chase", "Summer", "Dawn"],
    "drug": ["Warfarin", "Lisinopril", "Metformin", "Humira", "Keytruda", "Eliquis", "Lantus", "Xarelto"],
    "diagnosis": ["Parkinson's disease", "Crohn's disease", "Hodgkin lymphoma", "Graves disease", "Bell's palsy",
                  "Down syndrome", "Wilson disease", "Barrett esophagus", "Alzheimer's disease", "Guillain-Barré syndrome"],
    "scale": ["Glasgow Coma Scale", "Apgar score", "Braden scale", "Morse Fall Scale", "Foley catheter", "Babinski sign"],
    "company": ["Johnson & Johnson", "Eli Lilly", "Pfizer", "Merck", "Abbott Laboratories", "Morgan Stanley",
                "Wells Fargo", "Procter & Gamble", "Charles Schwab", "Kaiser Permanente"],
    "hospital": ["Johns Hopkins Hospital", "Mayo Clinic", "Mount Sinai", "Cedars-Sinai Medical Center",
                 "Sloan Kettering", "Dana-Farber Cancer Institute", "Boston Children's Hospital"],
    "city": ["Austin", "Charlotte", "Jackson", "Madison", "San Jose", "Los Angeles", "Virginia Beach", "St. Louis",
             "Santa Clara", "Hong Kong", "Fort Worth", "Winston-Salem", "Ann Arbor"],
    "state": ["Virginia", "Georgia", "Carolina", "Washington", "Florida", "Indiana", "Montana"],
    "language": ["Ruby", "Julia", "Swift", "Pascal", "Haskell", "Ada"],
    "tool": ["Jenkins", "Kafka", "Docker", "Travis CI", "Alexa", "Siri"],
    "font": ["Arial Black", "Georgia", "Helvetica Neue", "Verdana"],
    "sex": ["male", "female", "other", "unknown"],
    "relationship": ["mother", "father", "spouse", "child", "guardian"],
    "payer": ["Medicare", "Medicaid", "Commercial", "Self-Pay", "Tricare"],
}
props = {}
for name, items in decoys.items():
    props[name] = {"type": "string", "enum": values(f, ["properties", name], "enum", items, "no-flag")}
props["favorite_color"] = {"type": "string", "default": "Hunter Green"}
label(f, pointer("properties", "favorite_color", "default"), "default", "no-flag")
props["city_name"] = {"type": "string", "const": "Virginia Beach"}
label(f, pointer("properties", "city_name", "const"), "const", "no-flag")
props["drug_name"] = {"type": "string", "examples": values(f, ["properties", "drug_name"], "examples", ["Warfarin", "Eliquis"], "no-flag")}
write(f, {"type": "object", "title": "Decoys that look like names", "properties": props})

# --- 7. Harder cases, written before measuring ------------------------------------
f = "harder.json"
hard_names = ["Wei Zhang", "Hiroshi Tanaka", "Priya Patel", "Chidi Okonkwo", "Oluwaseun Adeyemi", "Mark Johnson",
              "Hope Williams", "Summer Davis", "Fatima Al-Sayed", "Nguyen Thi Lan", "Jean-Pierre Dubois",
              "Krzysztof Wisniewski", "Aaliyah Washington", "DeShawn Carter", "Mary-Kate O'Connell"]
hard_text = {
    "call": ("description", "Call Angela Brooks at home before 5 pm."),
    "spoke": ("description", "Spoke with Kevin Nguyen's daughter about the plan."),
    "notes": ("default", "Follow-up with Heather Kowalski in two weeks"),
    "reviewer": ("examples", "Reviewed by Marcus Delgado, RN"),
}
hard_ids = ["bill_johnson_visit", "chidiOkonkwo", "wei_zhang_2021_labs"]
hard_decoys = {
    "race": ["American Indian or Alaska Native", "Asian", "Black or African American", "White",
             "Native Hawaiian or Other Pacific Islander"],
    "language": ["English", "Spanish", "Mandarin Chinese", "Vietnamese", "Tagalog", "Haitian Creole"],
    "specialty": ["Family Medicine", "Internal Medicine", "Emergency Medicine", "General Surgery", "Physical Therapy"],
    "brand": ["Ben & Jerry's", "Ford Motor Company", "Dell Technologies", "Jordan Brand", "Harley-Davidson",
              "Marks & Spencer", "Wendy's", "Walt Disney World"],
    "place": ["Chevy Chase", "Grant Park", "Lincoln Memorial", "Santa Monica", "Palm Springs", "Long Beach",
              "Glen Burnie", "Kansas City", "Baton Rouge"],
    "status": ["Active", "Inactive", "Pending Review", "Closed", "Will Call", "On Hold"],
    "unit": ["Milligrams", "Units per hour", "Drops"],
}
props = {"patients": {"type": "string", "enum": values(f, ["properties", "patients"], "enum", hard_names, "flag")}}
for name, (keyword, text) in hard_text.items():
    if keyword == "examples":
        props[name] = {"type": "string", "examples": values(f, ["properties", name], "examples", [text], "flag")}
    else:
        props[name] = {"type": "string", keyword: text}
        label(f, pointer("properties", name, keyword), keyword, "flag")
for name in hard_ids:
    props[name] = {"type": "string"}
    label(f, pointer("properties", name), "property-name", "flag")
for name, items in hard_decoys.items():
    props[name] = {"type": "string", "enum": values(f, ["properties", name], "enum", items, "no-flag")}
write(f, {"type": "object", "properties": props})

with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as handle:
    for entry in labels:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{len(labels)} labels: {sum(l['expect'] == 'flag' for l in labels)} flag, {sum(l['expect'] == 'no-flag' for l in labels)} no-flag")
