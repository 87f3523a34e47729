/** The `type` findings of the schema checks on one file, as `line:column message` (Alloy's byte columns). */
import assert from 'node:assert/strict';
import { checkSchemas } from '../../server/src/checks/schema';
import { parseFile } from '../../server/src/languageService';
import { buildModel } from '../../server/src/semantic/model';

export function typeFindings(text: string): string[] {
  const file = parseFile('/t/config.alloy', text);
  assert.deepEqual(file.parse.diagnostics, []);
  return checkSchemas(buildModel([file]))
    .filter((f) => f.code === 'type')
    .map((f) => {
      const at = file.parse.lineIndex.alloyPosition(f.range.start);
      return `${at.line}:${at.column} ${f.message}`;
    });
}
