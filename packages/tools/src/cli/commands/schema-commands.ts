// The response-schema commands, grouped so the command table needs one entry for them.
import { lintSchemaCommand } from "./lint-schema.ts";
import { toSchemaCommand } from "./to-schema.ts";
import { toTsCommand } from "./to-ts.ts";

export const schemaCommands: unknown[] = [toSchemaCommand, lintSchemaCommand, toTsCommand];
