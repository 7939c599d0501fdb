/**
 * Escaping for text that lands in a GitHub comment. Rule messages put code in
 * backticks: code spans are kept as they are, the text around them is escaped,
 * and `@` never becomes a mention.
 */

function escapeText(text: string): string {
  return text
    .replace(/[\\`*[\]<>#~]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/@/g, '@&#8203;');
}

/** Inline Markdown for a message or an item: code spans kept, the rest escaped. */
export function inline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeText(part)))
    .join('');
}

/** A table cell: inline Markdown, with pipes escaped (inside code spans too, as GFM tables need) and no line breaks. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A code span for a path or an id, whatever backticks it holds. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
