import { writeFileSync } from "node:fs";
import { JSON_SCHEMA_PATH, modelJsonSchemaText } from "../lib/model/json-schema";

writeFileSync(JSON_SCHEMA_PATH, modelJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
