import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A summary's body is Markdown written (or pasted) by staff and shown on public pages. marked turns it into HTML
// and passes any HTML in it through; sanitize-html then keeps only the tags and attributes below, whatever was
// pasted: no script, style, iframe, SVG or image, no event handler, and links only to http(s) and mailto.

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  // rel is set by transformTags below on outside links.
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['scope'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Dropped with everything inside them, not unwrapped into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // A heading level 1 is the page's headline: the body's headings start at 2.
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

/** A summary's Markdown as HTML that is safe to put in a public page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false }) as string;
  return sanitizeHtml(html, SANITIZE);
}

/** Markdown as plain text (for a feed's summary, a description): tags dropped, entities kept as text. */
export function markdownToPlainText(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// Characters that start markup anywhere (emphasis, code, links and images, HTML and autolinks, entities,
// strikethrough, table cells, headings, quotes, email links); a backslash makes each literal (CommonMark lets any ASCII
// punctuation be escaped). Parentheses and the rest stay bare: without a bracket they are text, and editors read
// this source.
const INLINE_MARKUP = /[\\`*_[\]<>#|~&@]/g;
// What GFM turns into a link by itself: a URL's scheme, "www.", an email address (its "@" is escaped above).
const AUTOLINK = /\b(https?|ftp|mailto|www)([:.])/gi;
// What starts a list at the beginning of a line (the text may open a list item: "- 1. Opening" nests a list).
const LIST_START = /^(\d+)([.)])|^([-+])/;

/**
 * Text from the records (a name, a title, an agenda item) as Markdown that renders exactly that text: markup in it
 * is shown, never applied. Line breaks become spaces, so it can sit inside a list item or a sentence.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_MARKUP, '\\$&')
    .replace(AUTOLINK, '$1\\$2')
    .replace(LIST_START, (_, digits: string | undefined, dot: string | undefined, mark: string | undefined) =>
      digits ? `${digits}\\${dot}` : `\\${mark}`,
    );
}

/** Plain paragraphs (blank lines between them) as Markdown paragraphs that render as that text. */
export function escapeMarkdownParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(escapeMarkdown)
    .filter(Boolean)
    .join('\n\n');
}
