/**
 * Draws the compose environment report as tables (DOM calls only: no text
 * from files ever becomes markup). Never a value: the report holds none.
 */
import type { EnvironmentView, RenderSummary } from '../messages';
import { ENVIRONMENT_HEADER, environmentSections } from '../environmentModel';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string | undefined, parent: Element, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  parent.appendChild(node);
  return node;
}

/** Renders the report into `host` and returns its table rows as text (header first). */
export function drawEnvironment(host: HTMLElement, view: EnvironmentView): RenderSummary {
  host.replaceChildren();
  const rows: string[][] = [];
  const sections = environmentSections(view);
  if (sections.length === 0) el('p', 'No .alloy configuration was found in this workspace.', host);
  for (const s of sections) {
    const section = el('section', undefined, host);
    el('h2', s.title, section);
    if (s.configuration) el('p', s.configuration, section, 'note');
    for (const note of s.notes) el('p', note, section, 'note');
    if (s.telemetry.length > 0) {
      el('h3', "Alloy's own telemetry", section);
      const list = el('ul', undefined, section);
      for (const sentence of s.telemetry) el('li', sentence, list);
    }
    for (const t of s.tables) {
      const facts = el('dl', undefined, section);
      el('dt', 'Service', facts);
      el('dd', t.service, facts);
      el('dt', 'Compose files', facts);
      el('dd', t.composeFiles, facts);
      if (t.rows.length === 0) {
        el('p', 'The configuration reads no environment variable with sys.env.', section);
        continue;
      }
      const table = el('table', undefined, section);
      const head = el('tr', undefined, el('thead', undefined, table));
      for (const h of ENVIRONMENT_HEADER) el('th', h, head);
      rows.push([...ENVIRONMENT_HEADER]);
      const body = el('tbody', undefined, table);
      t.rows.forEach((cells, i) => {
        const row = el('tr', undefined, body, `status-${t.statuses[i] ?? ''}`);
        el('td', cells[0], row, 'name');
        el('td', cells[1], row, 'status');
        el('td', cells[2], row, 'source');
        rows.push(cells);
      });
      if (t.footer) el('p', t.footer, section);
    }
    if (s.tables.some((t) => t.rows.length > 0)) {
      el('p', '"From the shell": compose passes the variable from the environment of the shell that runs docker compose up; "required": compose refuses to start without it.', section, 'note');
    }
  }
  return { view: 'environment', nodes: [], edges: [], broken: [], self: [], rows };
}
