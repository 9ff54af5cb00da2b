#!/usr/bin/env python3
"""Validates a FollowTheMoney export of CreditKit with the `followthemoney` package itself.

    validate_ftm.py FILE.jsonl          (pip install followthemoney)

Every line must be an entity the FollowTheMoney model accepts whole:
- a known, concrete schema and a unique, non-empty ID;
- every property one of its schema's, every value valid for the property's type and format (a unified social
  credit code's check character as `uscCode`, a date as a date, a country code) and unchanged by the model's own
  cleaning, so nothing is silently dropped or altered when `ftm` or Aleph loads it;
- the schema's required properties present;
- every entity reference pointing at an entity of the file with a schema the property accepts;
- a Person carrying nothing but a name and a country: officials are exported masked, never identified.

Prints the count of each schema and exits 0 when the file is valid; otherwise prints each problem with its line
and exits 1.
"""
import collections
import json
import sys

try:
    from followthemoney import model
except ImportError:
    sys.exit("the followthemoney package is missing: pip install followthemoney")

PERSON_ALLOWED = {"name", "country"}


def main(path):
    problems = []
    entities = {}
    references = []
    counts = collections.Counter()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                problems.append((number, "an empty line"))
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append((number, "not JSON: %s" % error))
                continue
            entity_id = data.get("id")
            schema = model.get(data.get("schema") or "")
            if not entity_id or not isinstance(entity_id, str):
                problems.append((number, "no ID"))
                continue
            if entity_id in entities:
                problems.append((number, "ID %s is used twice" % entity_id))
            if schema is None or schema.abstract:
                problems.append((number, "unknown or abstract schema %r" % data.get("schema")))
                continue
            entities[entity_id] = schema
            counts[schema.name] += 1
            properties = data.get("properties") or {}
            proxy = model.make_entity(schema)
            proxy.id = entity_id
            for name, values in properties.items():
                prop = schema.properties.get(name)
                if prop is None:
                    problems.append((number, "%s has no property %r" % (schema.name, name)))
                    continue
                if not isinstance(values, list) or not values:
                    problems.append((number, "%s is not a list of values" % name))
                    continue
                for value in values:
                    if not isinstance(value, str):
                        problems.append((number, "%s holds a value that is not text: %r" % (name, value)))
                        continue
                    if prop.type.name == "entity":
                        references.append((number, name, value, prop.range))
                        continue
                    if not prop.type.validate(value, format=prop.format):
                        problems.append((number, "%s: %r is not a valid %s" % (name, value, prop.format or prop.type.name)))
                        continue
                    cleaned = prop.type.clean(value, format=prop.format, proxy=proxy)
                    if cleaned != value:
                        problems.append((number, "%s: %r is changed to %r when loaded" % (name, value, cleaned)))
            for required in schema.required:
                if not properties.get(required):
                    problems.append((number, "%s lacks its required %s" % (schema.name, required)))
            if schema.name == "Person":
                extra = sorted(set(properties) - PERSON_ALLOWED)
                if extra:
                    problems.append((number, "a Person carries %s: officials must be masked" % ", ".join(extra)))
                for name in properties.get("name") or []:
                    if "*" not in name and name != "[已删除]":
                        problems.append((number, "a Person's name %r is not masked" % name))
            # The model's own reading must accept the entity as it stands.
            try:
                model.get_proxy(data, cleaned=False)
            except Exception as error:  # the model raises several kinds; each is a problem to report
                problems.append((number, "the model refuses it: %s" % error))
    for number, name, target, expected in references:
        schema = entities.get(target)
        if schema is None:
            problems.append((number, "%s points at %s, which the file does not hold" % (name, target)))
        elif expected is not None and not schema.is_a(expected):
            problems.append((number, "%s points at a %s, not a %s" % (name, schema.name, expected.name)))
    for schema, count in sorted(counts.items()):
        print("%-12s %d" % (schema, count))
    if problems:
        for number, message in problems:
            print("line %d: %s" % (number, message), file=sys.stderr)
        print("%d problem(s) in %s" % (len(problems), path), file=sys.stderr)
        return 1
    print("valid: %d entities" % sum(counts.values()))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
