/**
 * The hand-written overlay, assembled: component notes, export notes, and the body notes
 * of each namespace file. What only people know; every name in it is checked against the
 * generated catalog (`overlayMismatches`).
 */
import { COMPONENT_NOTES, EXPORT_NOTES } from './catalogNotesComponents';
import { LOKI_BODY_NOTES } from './catalogNotesLoki';
import { OTELCOL_BODY_NOTES } from './catalogNotesOtelcol';
import { OTELCOL_EDGES_BODY_NOTES } from './catalogNotesOtelcolEdges';
import { OTELCOL_PROCESSORS_BODY_NOTES } from './catalogNotesOtelcolProcessors';
import { OTHER_BODY_NOTES } from './catalogNotesOther';
import { PROMETHEUS_BODY_NOTES } from './catalogNotesPrometheus';
import type { CatalogNotes } from './catalogTypes';

/** Every note, by component, generated body and generated exports body. */
export const CATALOG_NOTES: CatalogNotes = {
  components: COMPONENT_NOTES,
  exports: EXPORT_NOTES,
  bodies: {
    ...OTELCOL_BODY_NOTES,
    ...OTELCOL_EDGES_BODY_NOTES,
    ...OTELCOL_PROCESSORS_BODY_NOTES,
    ...LOKI_BODY_NOTES,
    ...PROMETHEUS_BODY_NOTES,
    ...OTHER_BODY_NOTES,
  },
};
