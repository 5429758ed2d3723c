import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown';

// Whatever is pasted into a summary's body, the public page must get nothing that runs. Each entry is a way people
// have smuggled script through Markdown and HTML sanitisers.
const CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '![x](x" onerror="alert(1))',
  '![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<javascript:alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">x</p>',
  '<details open ontoggle=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="behavior:url(x.htc)">x</div>',
  '<a href="https://example.org" onmouseover="alert(1)">ok</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '```\n<script>alert(1)</script>\n```',
];

const DANGEROUS = [
  /<script/i,
  /<svg/i,
  /<math/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<img/i,
  /<style/i,
  /<form/i,
  /<meta/i,
  /<base/i,
  /<[^>]+\son\w+\s*=/i,
  /<[^>]+style=/i,
  /(href|src|action|data|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i,
];
// Text that merely reads "javascript:" (not in an attribute) is inert; a link must never point there.
const UNSAFE_LINK = /<a[^>]+href="(?!https?:|mailto:)/i;

describe('renderMarkdown', () => {
  it.each(CORPUS)('renders %s inert', (payload) => {
    for (const source of [payload, `Text before.\n\n${payload}\n\nText after.`, `- ${payload}`, `> ${payload}`]) {
      const html = renderMarkdown(source);
      for (const pattern of [...DANGEROUS, UNSAFE_LINK]) expect(html, `${source} → ${html}`).not.toMatch(pattern);
    }
  });

  it('keeps what a news item uses: headings, emphasis, lists, quotes, tables and safe links', () => {
    const html = renderMarkdown(
      '# Title\n\n## Section\n\n**bold** and *italic*\n\n- one\n- two\n\n1. first\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[UNRCCA](https://unrcca.unmissions.org) [mail](mailto:info@example.org)',
    );
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="https://unrcca.unmissions.org" rel="noopener noreferrer">UNRCCA</a>');
    expect(html).toContain('<a href="mailto:info@example.org">mail</a>');
  });

  it('turns Markdown into plain text for descriptions', () => {
    expect(markdownToPlainText('## More than **one hundred** participants & guests <script>x</script>')).toBe(
      'More than one hundred participants & guests',
    );
  });
});
