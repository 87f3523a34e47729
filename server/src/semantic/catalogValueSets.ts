/**
 * Closed value sets Alloy enforces while decoding: string attributes whose Go type reads
 * itself from text (`UnmarshalText`) and rejects any other value with a message of its
 * own. Hand-written facts, keyed by the generated body (`generated/catalog.json`) and
 * attribute they belong to, so every component sharing the body shares the set; a test
 * keeps every key naming a generated body and attribute. Read from grafana/alloy at the
 * catalog's commit.
 */

import type { ClosedValueSet } from './catalogTypes';

/** Sets by generated body id, then attribute name. */
export const CLOSED_VALUE_SETS: ReadonlyMap<string, ReadonlyMap<string, ClosedValueSet>> = new Map<string, ReadonlyMap<string, ClosedValueSet>>([
  [
    // internal/component/common/relabel/relabel.go: Action.UnmarshalText (the `rule` blocks
    // of discovery.relabel, prometheus.relabel, loki.relabel, pyroscope.relabel, …).
    'internal/component/common/relabel.Config',
    new Map<string, ClosedValueSet>([
      [
        'action',
        {
          values: ['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase', 'keepequal', 'dropequal'],
          foldCase: false,
          message: (v: string) => `unrecognized action type "${v}"`,
        },
      ],
    ]),
  ],
  [
    // internal/component/otelcol/auth/headers/headers.go: Action.UnmarshalText.
    'internal/component/otelcol/auth/headers.Header',
    new Map<string, ClosedValueSet>([['action', { values: ['insert', 'update', 'upsert', 'delete'], foldCase: true, message: (v: string) => `unknown action ${v}` }]]),
  ],
]);
