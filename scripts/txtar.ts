/** Reading txtar archives (the format of Alloy's runtime and validator tests). */

/** Splits a txtar archive into its named sections. */
export function txtarSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const lines = text.split(/(?<=\n)/);
  let name: string | undefined;
  let body = '';
  for (const line of lines) {
    const m = /^-- (.+?) --\r?\n?$/.exec(line);
    if (m) {
      if (name !== undefined) sections.set(name, body);
      name = m[1] as string;
      body = '';
    } else if (name !== undefined) {
      body += line;
    }
  }
  if (name !== undefined) sections.set(name, body);
  return sections;
}
