#!/usr/bin/env python3
"""Checks the Newsbus wire protocol schemas and the golden wire fixtures.

Usage, from the package root:

    python3 docs/schemas/validate.py

Checks, printing one line per file:

* every docs/schemas/*.schema.json is a valid JSON Schema (draft 2020-12), its `$id` is its file name, and it
  uses only the keywords the Swift schema validator supports; every property has a description;
* every fixture in Tests/NewsbusProtocolTests/Fixtures/wire/<type>.json validates against <type>.schema.json,
  its topic frame belongs to its type, its timestamps, id and trace have the canonical form, every property
  the schemas declare appears in it at least once, and its offsets (blocks, mentions, dates, also those of
  the articles of a query.result) are correct code-point ranges of the body. A type whose fields exclude
  each other (query.result: articles or error) has further golden fixtures <type>.<case>.json, and then
  every declared property appears in one of them;
* every fixture in Tests/NewsbusProtocolTests/Fixtures/wire/invalid/<type>.<why>.json fails validation against
  <type>.schema.json;
* every example envelope in docs/PROTOCOL.md (the ```json blocks and the `frame 2:` lines) validates against the
  schema of its type, with correct offsets.

Needs `jsonschema` (4.18 or later, with `referencing`) and `rfc3339-validator` for the date-time format.
Exits with 0 when every check passes, 1 otherwise.
"""

import json
import re
import sys
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schemas"
FIXTURES = ROOT / "Tests" / "NewsbusProtocolTests" / "Fixtures" / "wire"
PROTOCOL = ROOT / "docs" / "PROTOCOL.md"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

ALLOWED_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minLength", "maxLength", "pattern",
    "format", "minItems", "allOf", "anyOf", "oneOf", "examples",
}
REF = re.compile(r"^(#/\$defs/[A-Za-z0-9_]+|[a-z.]+\.schema\.json(#/\$defs/[A-Za-z0-9_]+)?)$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
HEX32 = re.compile(r"^[0-9a-f]{32}$")
# The string-keyed maps of counts and measurements, the only objects with additionalProperties.
MAPS = ("removed", "counters", "latency_ms")

failures = 0


def report(ok, name, detail=""):
    global failures
    if not ok:
        failures += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))


def lint(node, where, problems):
    """Keywords, `$ref` forms, formats and descriptions the Swift validator relies on."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            lint(item, f"{where}/{index}", problems)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key not in ALLOWED_KEYWORDS:
            problems.append(f"{where}: unsupported keyword {key}")
        elif key == "$ref" and not REF.match(value):
            problems.append(f"{where}: unsupported $ref {value}")
        elif key == "format" and value != "date-time":
            problems.append(f"{where}: unsupported format {value}")
        elif key == "type" and not (isinstance(value, str) or all(isinstance(t, str) for t in value)):
            problems.append(f"{where}: type must be a string or an array of strings")
        elif key == "additionalProperties" and not where.endswith(tuple(f"/properties/{m}" for m in MAPS)):
            problems.append(f"{where}: additionalProperties is only used for " + ", ".join(f"`{m}`" for m in MAPS))
    for key in ("properties", "$defs"):
        for name, sub in node.get(key, {}).items():
            if key == "properties" and "description" not in sub:
                problems.append(f"{where}/{key}/{name}: property without a description")
            lint(sub, f"{where}/{key}/{name}", problems)
    for key in ("allOf", "anyOf", "oneOf"):
        lint(node.get(key, []), f"{where}/{key}", problems)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            lint(node[key], f"{where}/{key}", problems)


def check_schemas():
    schemas = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            problems = []
            if schema.get("$schema") != DIALECT:
                problems.append(f"$schema is not {DIALECT}")
            if schema.get("$id") != path.name:
                problems.append(f"$id {schema.get('$id')!r} is not the file name")
            lint(schema, "#", problems)
        except (ValueError, jsonschema.SchemaError) as error:
            problems = [str(error).splitlines()[0]]
        report(not problems, f"docs/schemas/{path.name}", "; ".join(problems))
        if not problems:
            schemas[path.name] = schema
    return schemas


def topic_matches(message_type, topic):
    return topic == message_type or topic.startswith(message_type + ".")


def seen_properties(schema, instance, resolver, seen, declared):
    """Records which declared properties appear in the instance (at least once, anywhere they may appear)."""
    if not isinstance(schema, dict):
        return
    if "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        seen_properties(resolved.contents, instance, resolved.resolver, seen, declared)
    for sub in schema.get("allOf", []):
        seen_properties(sub, instance, resolver, seen, declared)
    if isinstance(instance, dict):
        for name, sub in schema.get("properties", {}).items():
            label = f"{schema.get('title', '')}.{name}".lstrip(".")
            declared.setdefault((id(schema), name), label)
            if name in instance:
                seen.add((id(schema), name))
                seen_properties(sub, instance[name], resolver, seen, declared)
    if isinstance(instance, list) and isinstance(schema.get("items"), dict):
        for item in instance:
            seen_properties(schema["items"], item, resolver, seen, declared)


def check_article(article, where, problems):
    body = article["body"]
    blocks = article["blocks"]
    texts = [body[b["start"]:b["end"]] for b in blocks]
    if "\n\n".join(texts) != body:
        problems.append(f"{where}: body is not its blocks joined by a blank line")
    for index, block in enumerate(blocks):
        text = texts[index]
        if not text or text != text.strip() or "\n\n" in text:
            problems.append(f"{where}.blocks[{index}] is not a whole block ({block['start']}..{block['end']})")


def check_ranges(items, body, where, problems):
    for index, item in enumerate(items):
        start, end = item["start"], item["end"]
        if not 0 <= start < end <= len(body) or body[start:end] != item["text"]:
            problems.append(f"{where}[{index}]: body[{start}:{end}] is {body[start:end]!r}, not {item['text']!r}")


def check_enriched(enriched, where, problems):
    article = enriched["article"]
    check_article(article, f"{where}.article", problems)
    for index, entity in enumerate(enriched["entities"]):
        place = f"{where}.entities[{index}]"
        check_ranges(entity["mentions"], article["body"], f"{place}.mentions", problems)
        if entity["mention_count"] != len(entity["mentions"]):
            problems.append(f"{place}.mention_count is not the number of mentions")
        if not entity["key"].startswith(entity["label"] + ":"):
            problems.append(f"{place}.key does not start with its label")
    check_ranges(enriched["dates"], article["body"], f"{where}.dates", problems)


def consistency(message_type, envelope, topic=None):
    problems = []
    if envelope.get("type") != message_type:
        problems.append(f"envelope type {envelope.get('type')!r} is not {message_type!r}")
    if topic is not None and not topic_matches(message_type, topic):
        problems.append(f"topic {topic!r} does not belong to {message_type}")
    for key in ("created_at", "sent_at"):
        if not TIMESTAMP.match(envelope.get(key, "")):
            problems.append(f"{key} is not YYYY-MM-DDTHH:MM:SS.mmmZ")
    for key in ("id", "trace"):
        if not HEX32.match(envelope.get(key, "")):
            problems.append(f"{key} is not 32 lowercase hex digits")
    payload = envelope["payload"]
    if message_type == "article.parsed":
        check_article(payload, "payload", problems)
    if message_type == "article.enriched":
        check_enriched(payload, "payload", problems)
    if message_type == "query.result":
        articles = payload["articles"]
        for index, stored in enumerate(articles):
            where = f"payload.articles[{index}]"
            if not TIMESTAMP.match(stored["stored_at"]):
                problems.append(f"{where}.stored_at is not YYYY-MM-DDTHH:MM:SS.mmmZ")
            check_enriched(stored["article"], f"{where}.article", problems)
        if len(articles) > payload["total"]:
            problems.append("payload has more articles than its total")
        if "error" in payload and (articles or payload["total"] != 0):
            problems.append("payload has an error but also articles or a total")
    return problems


def check_fixtures(schemas, registry):
    """Checks each golden fixture; the properties a type declares must be filled by its fixtures together."""
    by_type = {}
    for path in sorted(FIXTURES.glob("*.json")):
        by_type.setdefault(".".join(path.name.split(".")[:2]), []).append(path)
    for message_type, paths in by_type.items():
        schema = schemas.get(f"{message_type}.schema.json")
        seen, declared, results = set(), {}, []
        for path in paths:
            name = path.relative_to(ROOT)
            if schema is None:
                report(False, name, f"no schema for {message_type}")
                continue
            fixture = json.loads(path.read_text(encoding="utf-8"))
            validator = jsonschema.Draft202012Validator(
                schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            error = jsonschema.exceptions.best_match(validator.iter_errors(fixture["envelope"]))
            if error is not None:
                report(False, name, f"{error.json_path}: {error.message}")
                continue
            problems = consistency(message_type, fixture["envelope"], fixture.get("topic", ""))
            seen_properties(schema, fixture["envelope"], registry.resolver(base_uri=schema["$id"]), seen, declared)
            results.append((name, problems, fixture["topic"]))
        missing = sorted({label for key, label in declared.items() if key not in seen})
        main = next((i for i, result in enumerate(results) if result[0].name == f"{message_type}.json"), 0)
        for index, (name, problems, topic) in enumerate(results):
            if missing and index == main:
                problems.append("never filled: " + ", ".join(missing))
            report(not problems, name, "; ".join(problems) or f"valid ({topic})")


def check_invalid_fixtures(schemas, registry):
    paths = sorted((FIXTURES / "invalid").glob("*.json"))
    if not paths:
        report(False, (FIXTURES / "invalid").relative_to(ROOT), "no invalid fixtures")
    for path in paths:
        message_type = ".".join(path.name.split(".")[:2])
        name = path.relative_to(ROOT)
        schema = schemas.get(f"{message_type}.schema.json")
        if schema is None:
            report(False, name, f"no schema for {message_type}")
            continue
        fixture = json.loads(path.read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(
            schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        error = jsonschema.exceptions.best_match(validator.iter_errors(fixture["envelope"]))
        if error is None:
            report(False, name, "validates, but must not")
        else:
            message = error.message if len(error.message) <= 90 else error.message[:89] + "…"
            report(True, name, f"rejected as expected, {error.json_path} fails `{error.validator}`: {message}")


def check_protocol_examples(schemas, registry):
    if not PROTOCOL.exists():
        report(False, PROTOCOL.relative_to(ROOT), "missing")
        return
    text = PROTOCOL.read_text(encoding="utf-8")
    snippets = re.findall(r"```json\n(.*?)```", text, re.S) + re.findall(r"^frame 2: (.*)$", text, re.M)
    problems, count = [], 0
    for index, snippet in enumerate(snippets):
        try:
            envelope = json.loads(snippet)
        except ValueError as error:
            problems.append(f"example {index + 1} is not JSON: {error}")
            continue
        if not (isinstance(envelope, dict) and "v" in envelope and "payload" in envelope):
            continue
        count += 1
        message_type = envelope.get("type", "")
        schema = schemas.get(f"{message_type}.schema.json")
        if schema is None:
            problems.append(f"example {index + 1}: no schema for {message_type!r}")
            continue
        validator = jsonschema.Draft202012Validator(
            schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        error = jsonschema.exceptions.best_match(validator.iter_errors(envelope))
        if error is not None:
            problems.append(f"example {index + 1} ({message_type}) {error.json_path}: {error.message}")
            continue
        problems += [f"example {index + 1} ({message_type}): {p}" for p in consistency(message_type, envelope)]
    report(not problems and count > 0, PROTOCOL.relative_to(ROOT), "; ".join(problems) or f"{count} example envelopes valid")


def main():
    schemas = check_schemas()
    registry = Registry().with_resources(
        (schema_id, Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema_id, schema in schemas.items())
    check_fixtures(schemas, registry)
    check_invalid_fixtures(schemas, registry)
    check_protocol_examples(schemas, registry)
    print(f"{'all checks passed' if failures == 0 else f'{failures} check(s) failed'}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
