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
