// emit: escaping user text (titles, names, details) for GitHub/GitLab-flavoured Markdown — inline text,
// table cells, HTML <summary> lines, and fenced code blocks whose fence outgrows any backtick run inside.

/** Inline text: HTML-significant characters as entities, Markdown punctuation backslash-escaped. */
export function mdInline(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** A table cell: inline text whose line breaks become `<br>` (a raw newline would end the row). */
export function mdCell(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map(mdInline)
    .join('<br>');
}

/** Text inside an HTML element (<summary>): entities only, on one line. */
export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n|\r|\n/g, ' ');
}

/** `lines` as a fenced code block; the fence is longer than any backtick run they contain. */
export function mdCodeBlock(lines: readonly string[], info = 'text'): string[] {
  let longest = 0;
  for (const l of lines) for (const run of l.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...lines.flatMap((l) => l.split(/\r\n|\r|\n/)), fence];
}
