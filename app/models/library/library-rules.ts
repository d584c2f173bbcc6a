/**
 * The library's vocabulary, written once: kinds of item, target groups, what an item can
 * be linked to, which uploads are accepted, which addresses may be links, and the
 * filters of the list /kennisbank.
 * Browser-safe (no Zod, no server modules): forms, pages and the renderer use it.
 */
export const LIBRARY_KINDS = ['document', 'link', 'voorbeeld', 'contact'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const TARGET_GROUPS = ['NT1', 'NT2', 'jongvolwassenen', 'ouders', 'werkgevers', 'professionals'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const LIBRARY_LINK_TARGETS = ['goal', 'action', 'meeting'] as const;
export type LibraryLinkTarget = (typeof LIBRARY_LINK_TARGETS)[number];

/** Hard limit of one uploaded file; the upload parser stops reading beyond it. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** What may be uploaded, by the type detected from the content (never the name). */
export const ALLOWED_UPLOAD_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;
export type UploadType = (typeof ALLOWED_UPLOAD_TYPES)[number];

/** The `accept` hint of the file field (the server checks the content regardless). */
export const UPLOAD_ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp';

const SAFE_URL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address as the browser will read it, when it is an http(s) address with a host or
 * a mailto address; null for anything else (javascript:, data:, file:, relative paths,
 * "java\tscript:" — the WHATWG parser that browsers use strips such tricks, so parsing
 * here with the same rules leaves nothing for the browser to read differently).
 */
export function safeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (!SAFE_URL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
  return url.hostname !== '' ? url.href : null;
}

/**
 * An address typed without its scheme, as people copy it from a letter or a poster
 * ("www.lezenenschrijven.nl", "taalhuis.nl/aanbod"), gets https:// in front; anything
 * else is left as it is (safeUrl decides whether it is acceptable).
 */
export function withWebScheme(value: string): string {
  const text = value.trim();
  if (/^(\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]|$)/i.test(text)) return `https://${text.replace(/^\/\//, '')}`;
  return text;
}

/** `[text](address)` in the Markdown-light text of a good practice. */
export const MARKDOWN_LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** The filters of /kennisbank (?soort=link&thema=3&doelgroep=NT2&gemeente=5&q=taalhuis&pagina=2); a bad value is ignored. */
export type LibraryFilters = {
  kind: LibraryKind | null;
  themeId: number | null;
  targetGroup: TargetGroup | null;
  municipalityId: number | null;
  q: string;
  page: number;
};

export const LIBRARY_PAGE_SIZE = 25;

export function readLibraryFilters(params: URLSearchParams): LibraryFilters {
  const id = (value: string | null) => (value !== null && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null);
  const kind = params.get('soort');
  const group = params.get('doelgroep');
  const page = params.get('pagina');
  return {
    kind: LIBRARY_KINDS.find((k) => k === kind) ?? null,
    themeId: id(params.get('thema')),
    targetGroup: TARGET_GROUPS.find((g) => g === group) ?? null,
    municipalityId: id(params.get('gemeente')),
    q: (params.get('q') ?? '').trim().slice(0, 200),
    page: page !== null && /^[1-9]\d{0,3}$/.test(page) ? Number(page) : 1,
  };
}

/** The query string of the library list for these filters. */
export function libraryFilterQuery(filters: LibraryFilters, page = 1): string {
  const query = new URLSearchParams();
  if (filters.q) query.set('q', filters.q);
  if (filters.kind) query.set('soort', filters.kind);
  if (filters.themeId) query.set('thema', String(filters.themeId));
  if (filters.targetGroup) query.set('doelgroep', filters.targetGroup);
  if (filters.municipalityId) query.set('gemeente', String(filters.municipalityId));
  if (page > 1) query.set('pagina', String(page));
  const text = query.toString();
  return text ? `?${text}` : '';
}
