// Relative: next.config.ts loads this file, outside the '@/' alias.
import { htmlPage } from './http';

/**
 * The largest body a server action takes (next.config.ts `serverActions.bodySizeLimit`; Next's default, 1 MB, kept
 * on purpose): forms carry text. Files go to route handlers, which set their own limits. A proxy in front must allow
 * at least this much (nginx: `client_max_body_size`).
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

type Language = 'en' | 'ru';

const WORDS = {
  nul: {
    en: {
      title: 'Request refused',
      body: 'The address holds a character that cannot be searched for or saved (a NUL byte, %00). Remove it and try again.',
    },
    ru: {
      title: 'Запрос отклонён',
      body: 'В адресе есть символ, по которому нельзя искать и который нельзя сохранить (нулевой байт, %00). Удалите его и попробуйте снова.',
    },
  },
  tooLarge: {
    en: {
      title: 'Form too large',
      body: 'This form sent more than 1 MB, more than a form may send. Nothing was saved. Shorten the text and try again; files are uploaded on their own pages.',
    },
    ru: {
      title: 'Слишком большая форма',
      body: 'Эта форма отправила больше 1 МБ — больше, чем допускается для формы. Ничего не сохранено. Сократите текст и попробуйте снова; файлы загружаются на отдельных страницах.',
    },
  },
} as const;

/** The page's language, from its path: /ru/… is Russian; staff pages and everything else English. */
const languageOf = (pathname: string): Language => (pathname === '/ru' || pathname.startsWith('/ru/') ? 'ru' : 'en');

function refusal(status: number, kind: keyof typeof WORDS, pathname: string): Response {
  const words = WORDS[kind][languageOf(pathname)];
  return htmlPage({
    status,
    title: words.title,
    body: `<p lang="${languageOf(pathname)}">${words.body}</p>`,
    headers: { 'Referrer-Policy': 'strict-origin' },
  });
}

/**
 * Requests refused before they reach a page, an action or the database, with a clear 4xx instead of the 500 they
 * caused: a NUL byte anywhere in the address (PostgreSQL cannot store or compare one: a search for it failed), and a
 * server action's body over the limit (Next refused it with a 500). Says why, for one log line, or null.
 */
export function badRequest(request: {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string; search: string };
}): { response: Response; reason: 'nulByte' | 'actionBodyTooLarge'; bytes?: number } | null {
  const { pathname, search } = request.nextUrl;
  if (/%00/i.test(pathname) || /%00/i.test(search) || pathname.includes('\0') || search.includes('\0'))
    return { response: refusal(400, 'nul', pathname), reason: 'nulByte' };
  // Browsers and Next's client send the length of a form post up front; Next itself counts the rest.
  const length = Number(request.headers.get('content-length') ?? 0);
  // A form posted without JavaScript names its action in the body, not in a header: any form post counts, since the
  // upload routes, which take files, never pass through here (proxy.ts's matcher leaves them out).
  const formPost = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(
    request.headers.get('content-type') ?? '',
  );
  if (request.method === 'POST' && (request.headers.has('next-action') || formPost) && length > ACTION_BODY_LIMIT_BYTES)
    return { response: refusal(413, 'tooLarge', pathname), reason: 'actionBodyTooLarge', bytes: length };
  return null;
}
