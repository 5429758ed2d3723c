// Project rules for ESLint (see eslint.config.mjs).
//
// no-server-only-in-client: a file marked 'use client' must not reach, through the modules it imports, a module that
// imports 'server-only' (the data access layer, auth, actions' internals). Next would fail the build for a direct
// import; this names the whole chain, and where the code belongs, at lint time. Imports of 'use server' modules are
// fine (server actions are called by reference) and so are type-only imports (erased).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
const cache = new Map();

function resolve(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

const IMPORT = /^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const EXPORT_FROM = /^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm;

/** The chain of files from `file` to a server-only module, or null. */
function serverOnlyChain(file, seen = new Set()) {
  if (cache.has(file)) return cache.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  let chain = null;
  if (/^\s*['"]use server['"]/.test(source)) chain = null;
  else if (/^\s*import\s+['"]server-only['"]/m.test(source)) chain = [file];
  else {
    for (const match of [...source.matchAll(IMPORT), ...source.matchAll(EXPORT_FROM)]) {
      const target = resolve(match[1], file);
      if (!target) continue;
      const sub = serverOnlyChain(target, seen);
      if (sub) {
        chain = [file, ...sub];
        break;
      }
    }
  }
  cache.set(file, chain);
  return chain;
}

const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    docs: { description: 'Client components must not import server-only modules, directly or through other modules.' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode.getText();
    if (!/^\s*['"]use client['"]/.test(source)) return {};
    const file = context.filename;
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const specifier = node.source.value;
        if (specifier === 'server-only') {
          context.report({ node, message: "A 'use client' file cannot import 'server-only'." });
          return;
        }
        const target = resolve(specifier, file);
        if (!target) return;
        const chain = serverOnlyChain(target);
        if (chain) {
          const shown = chain.map((f) => path.relative(root, f)).join(' → ');
          context.report({
            node,
            message:
              `'${specifier}' is server-only (${shown}), and this is a client component. ` +
              'Load the data in a server component (the page) and pass it in as props, or call a server action.',
          });
        }
      },
    };
  },
};

const plugin = { rules: { 'no-server-only-in-client': noServerOnlyInClient } };

export default plugin;
