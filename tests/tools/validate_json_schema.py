#!/usr/bin/env python3
"""Validate a JSON document (file or stdin) against a JSON schema; exit 1 on failure."""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    if document_path == "-":
        document = json.load(sys.stdin)
    else:
        with open(document_path, encoding="utf-8") as f:
            document = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print(f"{'/'.join(map(str, error.path))}: {error.message}")
    print(f"schema validation: {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
