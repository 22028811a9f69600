// Reads each Dockerfile named on the command line with a real Dockerfile parser and prints, as one
// JSON object keyed by file: the problems dockerfile-utils' linter finds (line and column 1-based)
// and the build-context sources of every COPY and ADD as dockerfile-ast parses them (COPY --from=
// reads another stage or image, not the context, so it is left out).
"use strict";
const fs = require("fs");
const { validate } = require("dockerfile-utils");
const { DockerfileParser } = require("dockerfile-ast");

const result = {};
for (const file of process.argv.slice(2)) {
  const content = fs.readFileSync(file, "utf8");
  const diagnostics = validate(content).map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: d.severity === 1 ? "error" : "warning",
    message: d.message,
  }));
  const sources = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword !== "COPY" && keyword !== "ADD") {
      continue;
    }
    if (instruction.getFlags().some((f) => f.getName().toLowerCase() === "from")) {
      continue;
    }
    const json = instruction.getJSONStrings();
    const args = json.length > 0 ? json.map((a) => a.getJSONValue()) : instruction.getArguments().map((a) => a.getValue());
    for (const path of args.slice(0, -1)) {
      sources.push({ line: instruction.getRange().start.line + 1, keyword, path });
    }
  }
  result[file] = { diagnostics, sources };
}
process.stdout.write(JSON.stringify(result) + "\n");
