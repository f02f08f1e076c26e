#!/usr/bin/env python3
"""Writes a large synthetic JSON Schema (no PHI) for parser measurements.
usage: generate-large-schema.py OUT.json [PROPERTIES]"""
import json, sys, random
random.seed(7)
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
words = ["status", "code", "amount", "currency", "created_at", "updated_at", "label", "région", "notes", "count"]
props = {}
for i in range(n):
    w = words[i % len(words)]
    props[f"{w}_{i}"] = {
        "type": "string",
        "description": f"The {w} of item {i} (see docs §{i % 97}).",
        "enum": [f"{w}-{k}" for k in range(4)],
        "maxLength": 64 + i % 7,
    }
json.dump({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": props},
          open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
