/**
 * ESLint rule `koers/no-dutch-literals`: Dutch user-facing text belongs in the message
 * catalogue (app/i18n/nl/<area>.ts, read as `t.<area>.<key>`), not in routes, components,
 * models, schemas, utils or the server. It flags JSX text, string literals and the text
 * parts of template literals that read as Dutch.
 *
 * "Reads as Dutch" is a heuristic, tuned to let code through:
 * - text of two or more words with a Dutch function word ("de", "het", "niet", "geen", …)
 *   or a Dutch word from the app's vocabulary ("actie", "opslaan", "gemeente", …);
 * - a single capitalised word from that vocabulary, or with the Dutch "ij" or a
 *   diaeresis ("Tijdlijn", "Opslaan", "Ideeën"); single lower-case words are code
 *   (status values such as 'loopt', query keys such as 'periode') unless they are JSX
 *   text or the value of a text attribute (title, aria-label, placeholder, alt, label);
 * - paths, URLs, class names and other attributes that are code (href, className, id,
 *   name, data-*, …), import sources, object keys, literal types, tagged templates
 *   (sql`…`) and `new RegExp(…)` patterns are never text.
 *
 * Deliberate exceptions (grammar a parser reads, not text a user sees) carry a comment
 * `// i18n-ignore: <reason>`: at the end of the literal's line, or on the line before the
 * literal or before a statement around it (a `switch` of phrases). Operator output
 * (console.*) is not user-facing and is left alone. Tests: no-dutch-literals.test.ts.
 */

/** The words of a space-separated list. */
function wordList(text) {
  return text.trim().split(/\s+/u);
}

/** Dutch function words that English text and code do not use. */
const FUNCTION_WORDS = wordList(`
  aan al alle alleen als bij dan dat de deze die dit door een en er geen hebt heeft het hier
  hoe hun ik je kan kunt maar mag meer met mijn moet na naar niet niets nog nu om ons onze
  ook op te tot tussen uit uw van voor waar wat welke wie wordt worden zijn zal zonder zoals
`);

/** Dutch words of Koers' interface, for short labels and one-word texts. */
const VOCABULARY = wordList(`
  aangemaakt aanmaken aanwezig aanwezigen aanwezigheid accenten actie acties adviseur
  afgelopen afgemeld afgerond afsluiten afwezig agendapunt agendapunten annuleren april
  augustus beheer beheerder bekijken besluit besluiten besluitenlijst bestand bestanden
  bewerken bezig bijgewerkt bijlage bijvoorbeeld bord dag dagen datum december deelnemers
  dinsdag doel doelen donderdag eind februari fout gebruiker gebruikers gekoppeld gemeente
  gemeenten gemeld geschiedenis gestart gevonden geweigerd gewijzigd gisteren hoofdstuk
  ingelogd inloggen interne inwoners jaar januari juli juni kennisbank kies koers komende
  kwartaal laden leeg lezer locatie lokaal lokale loopt lopend maand maandag maart medio mei
  melding meldingen minuten morgen nieuw nieuwe nodig notitie notities notulen notulist
  oktober omschrijving onbekend onbekende onderwerp ongeldig ongeldige ontbreekt ontvolgen
  openstaand openstaande opgeslagen opslaan organisatie organisaties overleg overleggen
  pagina personen persoon reactie reacties regel regionaal regionale resultaten schrijf
  schrijver seconden september sluiten streefjaar termijn terug thema tijdlijn titel toegang
  toelichting toevoegen trekker uiterlijk uitloggen uitnodiging uur vanaf vandaag verbinding
  verbindingen vergadering verlopen verslag versturen verstuurd vervallen verwacht verwijderd
  verwijderen volgen volgend volgende voorkeuren voortgang voorzitter vorig vorige vrij
  vrijdag vul wachten wachtwoord weken werkgroeplid wijzigen wijzigingen woensdag zaterdag
  zoeken zoekterm zondag
`);

const DUTCH_SET = new Set([...FUNCTION_WORDS, ...VOCABULARY]);

/**
 * JSX attributes whose value is code, never text. Not `value`: a submit button's value is
 * its label; a form value such as 'loopt' passes as a single lower-case word anyway.
 */
const CODE_ATTRIBUTES = new Set(
  wordList(`
  accept action aria-activedescendant aria-controls aria-describedby aria-labelledby
  aria-owns as autoComplete class className encType form headers href htmlFor id
  inputMode key lang method name pattern prefetch rel role src srcSet style target to type
`),
);

/** JSX attributes whose value a user reads or hears. */
const TEXT_ATTRIBUTES = new Set(
  wordList(`
  alt aria-description aria-label aria-placeholder aria-roledescription aria-valuetext label
  placeholder title
`),
);

const PLACEHOLDER = '\uE000';
const DUTCH_LETTERS = /[ëïüöéè]|ij/iu;
const IGNORE_COMMENT = /\bi18n-ignore:\s*\S/;

/**
 * Whether `text` reads as Dutch. `placeholders` counts template expressions as words;
 * `textContext` is true for JSX text and text attributes, where a single lower-case word
 * is text too.
 * @param {string} text
 * @param {{ placeholders?: number, textContext?: boolean }} [options]
 */
export function readsAsDutch(text, { placeholders = 0, textContext = false } = {}) {
  const tokens = text
    .split(/\s+/u)
    .map(stripPunctuation)
    .filter((token) => /\p{L}/u.test(token));
  if (tokens.length === 0) return false;
  if (tokens.length === 1 && !/\s/u.test(text.trim())) {
    // One token: code (a path, key, id, class, value) unless it is a capitalised word.
    const [token] = tokens;
    if (looksLikeCode(token)) return false;
    if (!textContext && !/^\p{Lu}/u.test(token)) return false;
    return isDutchWord(token) || token.split('-').some(isDutchWord);
  }
  // Text: count the words, leaving out the paths and other code between them.
  const words = tokens.filter((token) => !looksLikeCode(token)).flatMap((token) => token.split('-'));
  if (words.length + placeholders < 2 && !textContext) return false;
  return words.some(isDutchWord);
}

function isDutchWord(word) {
  const lower = word.toLowerCase().replace(/[’']s?$/u, '');
  return DUTCH_SET.has(lower) || (DUTCH_LETTERS.test(lower) && /^\p{L}+$/u.test(lower));
}

/** A token without the quotes, brackets and sentence marks around it. */
function stripPunctuation(token) {
  return token.replace(/^[("'“‘«[\uE000-]+/u, '').replace(/[)"'”’»\],.;:!?…\uE000]+$/u, '');
}

/** A token that is a path, URL, identifier, key, number or class name rather than a word. */
function looksLikeCode(token) {
  if (/[/\\_=#?&:.@$%{}[\]<>|*+;"`\uE000]/u.test(token)) return true;
  if (/\d/u.test(token)) return true;
  if (/^\p{Ll}+\p{Lu}/u.test(token)) return true; // camelCase
  return !/^\p{L}[\p{L}’'-]*$/u.test(token);
}

/** The JSX attribute a node sits in, if any. */
function enclosingAttribute(node) {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'JSXAttribute') return current;
    if (current.type === 'JSXElement' || current.type === 'JSXFragment') return null;
  }
  return null;
}

function attributeName(attribute) {
  const { name } = attribute;
  return name.type === 'JSXNamespacedName' ? `${name.namespace.name}:${name.name.name}` : name.name;
}

/** Whether the literal is code by where it stands (import source, key, type, tagged template, regex, log). */
function isCodePosition(node) {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
    case 'TSLiteralType':
    case 'TSImportType':
      return true;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
      if (parent.key === node && !parent.computed) return true;
      break;
    case 'ExpressionStatement':
      if (parent.directive) return true;
      break;
    default:
  }
  for (let current = node, up = node.parent; up; current = up, up = up.parent) {
    if (up.type === 'TaggedTemplateExpression' && up.quasi === current) return true;
    if (up.type === 'NewExpression' && up.callee.type === 'Identifier' && up.callee.name === 'RegExp') return true;
    if (
      up.type === 'CallExpression' &&
      up.callee.type === 'MemberExpression' &&
      up.callee.object.type === 'Identifier' &&
      up.callee.object.name === 'console'
    )
      return true;
    if (/Statement$|Declaration$|Function/.test(up.type)) break;
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Dutch user-facing text belongs in the message catalogue (app/i18n/nl), not in code.',
    },
    schema: [],
    messages: {
      dutch:
        'Dutch text "{{ text }}" belongs in the catalogue: add it to app/i18n/nl/<area>.ts and use t.<area>.<key> (or mark grammar with `// i18n-ignore: <reason>`).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;

    /** An `i18n-ignore: <reason>` comment before the literal or a statement around it, or after it on its line. */
    function ignored(node) {
      const after = sourceCode.getCommentsAfter(node).filter((comment) => comment.loc.start.line === node.loc.end.line);
      if (after.some((comment) => IGNORE_COMMENT.test(comment.value))) return true;
      for (let current = node; current && current.type !== 'Program'; current = current.parent) {
        if (sourceCode.getCommentsBefore(current).some((comment) => IGNORE_COMMENT.test(comment.value))) return true;
      }
      return false;
    }

    function report(node, text) {
      if (ignored(node)) return;
      const shown = text.trim().replace(/\s+/g, ' ');
      context.report({ node, messageId: 'dutch', data: { text: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown } });
    }

    function check(node, text, placeholders) {
      if (isCodePosition(node)) return;
      const attribute = enclosingAttribute(node);
      let textContext = false;
      if (attribute) {
        const name = attributeName(attribute);
        if (CODE_ATTRIBUTES.has(name) || name.startsWith('data-')) return;
        textContext = TEXT_ATTRIBUTES.has(name);
      }
      if (readsAsDutch(text, { placeholders, textContext })) report(node, text);
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value, 0);
      },
      TemplateLiteral(node) {
        // Expressions become a marker, so `${base}/bewerken` stays one (path) token.
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(PLACEHOLDER);
        check(node, text, node.expressions.length);
      },
      JSXText(node) {
        if (readsAsDutch(node.value, { textContext: true })) report(node, node.value);
      },
    };
  },
};
