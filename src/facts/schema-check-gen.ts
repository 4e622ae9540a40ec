// Generates src/facts/schema-check.ts from the zod schemas: plain functions that accept exactly the values the schemas
// accept and return the same output (keys in the schema's order, unknown keys dropped, URLs trimmed as zod trims them),
// so that a valid film costs no zod. They never reject: anything they are not sure of is a miss, and the caller asks
// zod, whose issues (path, message, count) stay the only errors filmkg reports. Every zod construct the schemas use is
// translated here; any other one stops the generator, so a schema change cannot slip past it unchecked.
// Regenerate after changing a schema: UPDATE_SCHEMA_CHECK=1 npx vitest run test/facts-schema-check.test.ts
import type { z } from 'zod';
import { Curation } from '../curate/curation.js';
import { FilmFacts, Metadata } from './model.js';
import * as predicates from './predicates.js';

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

const PREDICATE_NAMES = new Map<unknown, string>(Object.entries(predicates).map(([name, fn]) => [fn, name]));

/** The roots the generated module exports, each as `fast<Name>(value)`. */
const ROOTS: ReadonlyArray<[string, Schema, string]> = [
  ['FilmFacts', FilmFacts, 'FilmFacts'],
  ['Metadata', Metadata, 'FilmMetadata'],
  ['Curation', Curation, 'Curation'],
];

/** The source of src/facts/schema-check.ts. */
export function generateFastCheck(): string {
  const consts: string[] = [];
  const functions: string[] = [];
  const names = new Map<Schema, string>();
  const used = new Set<string>();
  const bodies = new Map<string, string>();

  const constant = (code: string): string => {
    const found = consts.findIndex((c) => c.endsWith(` = ${code};`));
    if (found >= 0) return `C${found}`;
    consts.push(`const C${consts.length} = ${code};`);
    return `C${consts.length - 1}`;
  };

  /** A condition on `v` for one check (a check that transforms the value is not supported). */
  const checkCondition = (check: CheckDef, where: string, v: string): string => {
    switch (check.check) {
      case 'min_length': {
        const min = check.minimum as number;
        // zod counts a string's code points; for a minimum of 1 that is the same as its UTF-16 length.
        if (min !== 1 && where === 'string') throw new Error(`schema-check: a string minimum length other than 1 (${min}) is not translated`);
        return `${v}.length >= ${min}`;
      }
      case 'string_format': {
        if (check.format !== 'regex' || !(check.pattern instanceof RegExp)) throw new Error(`schema-check: string format ${String(check.format)} is not translated`);
        const re = constant(check.pattern.toString());
        return `(${re}.lastIndex = 0, ${re}.test(${v}))`;
      }
      case 'number_format':
        if (check.format !== 'safeint') throw new Error(`schema-check: number format ${String(check.format)} is not translated`);
        return `Number.isSafeInteger(${v})`;
      case 'greater_than':
        return `${v} ${check.inclusive ? '>=' : '>'} ${JSON.stringify(check.value)}`;
      case 'less_than':
        return `${v} ${check.inclusive ? '<=' : '<'} ${JSON.stringify(check.value)}`;
      case 'custom': {
        const name = PREDICATE_NAMES.get(check.fn);
        if (!name) throw new Error('schema-check: a .refine() whose function is not exported by src/facts/predicates.ts');
        used.add(name);
        return `${name}(${v})`;
      }
      default:
        throw new Error(`schema-check: check ${check.check} is not translated`);
    }
  };

  const checksOf = (def: Def, where: string, v = 'v'): string[] => (def.checks ?? []).map((c) => checkCondition(c._zod.def, where, v));

  /** The name of the function that checks `schema`, generating it on first use. */
  const fn = (schema: Schema): string => {
    const known = names.get(schema);
    if (known) return known;
    const def = schema._zod.def as unknown as Def;
    const body: string[] = [];
    const fail = (cond: string) => body.push(`  if (!(${cond})) return MISS;`);
    switch (def.type) {
      case 'string': {
        fail("typeof v === 'string'");
        if (def.format === 'url') {
          // z.url(): the trimmed text must parse as a URL; zod's output is the trimmed text without tabs and newlines.
          if ('normalize' in def || 'hostname' in def || 'protocol' in def) throw new Error('schema-check: z.url() options are not translated');
          body.push('  v = v.trim();', '  if (!URL.canParse(v)) return MISS;', "  v = v.replace(/[\\t\\n\\r]/g, '');");
        } else if (def.format !== undefined) throw new Error(`schema-check: string format ${String(def.format)} is not translated`);
        for (const c of checksOf(def, 'string')) fail(c);
        body.push('  return v;');
        break;
      }
      case 'number':
        fail("typeof v === 'number' && Number.isFinite(v)");
        for (const c of checksOf(def, 'number')) fail(c);
        body.push('  return v;');
        break;
      case 'boolean':
        fail("typeof v === 'boolean'");
        body.push('  return v;');
        break;
      case 'enum':
        fail(`${constant(`new Set(${JSON.stringify(Object.values(def.entries as Record<string, string>))})`)}.has(v)`);
        body.push('  return v;');
        break;
      case 'literal':
        fail(`${constant(JSON.stringify(def.values))}.includes(v)`);
        body.push('  return v;');
        break;
      case 'optional':
        body.push(`  return v === undefined ? undefined : ${fn(def.innerType as Schema)}(v);`);
        break;
      case 'array': {
        fail('Array.isArray(v)');
        for (const c of checksOf(def, 'array')) fail(c);
        const element = fn(def.element as Schema);
        body.push('  const out = new Array(v.length);', '  for (let i = 0; i < v.length; i++) {', `    const x = ${element}(v[i]);`, '    if (x === MISS) return MISS;', '    out[i] = x;', '  }', '  return out;');
        break;
      }
      case 'object': {
        if (def.catchall !== undefined) throw new Error('schema-check: objects with a catchall (strict, passthrough) are not translated');
        fail("typeof v === 'object' && v !== null && !Array.isArray(v)");
        body.push('  const o: any = {};', '  let x: any;');
        const shape = def.shape as Record<string, Schema>;
        for (const [key, field] of Object.entries(shape)) {
          if (key === '__proto__') throw new Error('schema-check: a key __proto__ is not translated');
          const k = JSON.stringify(key);
          const fdef = field._zod.def as unknown as Def;
          if (fdef.type === 'optional') {
            // Absent: no key. Present (even as undefined): the key, with what the inner schema makes of the value.
            body.push(`  if (${k} in v) {`, `    x = v[${k}] === undefined ? undefined : ${fn(fdef.innerType as Schema)}(v[${k}]);`, '    if (x === MISS) return MISS;', `    o[${k}] = x;`, '  }');
          } else {
            // A required schema here never accepts undefined, so an absent key is a miss.
            body.push(`  x = ${fn(field)}(v[${k}]);`, '  if (x === MISS) return MISS;', `  o[${k}] = x;`);
          }
        }
        // Refinements of the object see its output.
        for (const c of checksOf(def, 'object', 'o')) body.push(`  if (!(${c})) return MISS;`);
        body.push('  return o;');
        break;
      }
      case 'union': {
        const disc = def.discriminator as string | undefined;
        if (disc === undefined || def.unionFallback) throw new Error('schema-check: only discriminated unions are translated');
        fail("typeof v === 'object' && v !== null && !Array.isArray(v)");
        body.push(`  switch (v[${JSON.stringify(disc)}]) {`);
        for (const option of def.options as Schema[]) {
          const odef = option._zod.def as unknown as Def;
          const tag = (odef.shape as Record<string, Schema>)[disc]?._zod.def as unknown as Def | undefined;
          if (odef.type !== 'object' || tag?.type !== 'literal') throw new Error('schema-check: a discriminated union option that is not an object with a literal tag');
          for (const value of tag.values as unknown[]) body.push(`    case ${JSON.stringify(value)}:`);
          body.push(`      return ${fn(option)}(v);`);
        }
        body.push('    default:', '      return MISS;', '  }');
        if ((def.checks ?? []).length > 0) throw new Error('schema-check: checks on a union are not translated');
        break;
      }
      default:
        throw new Error(`schema-check: zod type ${def.type} is not translated`);
    }
    // Schemas written alike (each z.number().int().positive(), say) share one function.
    const text = body.join('\n');
    const name = bodies.get(text) ?? `f${bodies.size}`;
    if (!bodies.has(text)) {
      bodies.set(text, name);
      functions.push(`function ${name}(v: any): any {\n${text}\n}`);
    }
    names.set(schema, name);
    return name;
  };

  const exportsCode = ROOTS.map(([label, schema, type]) => {
    const f = fn(schema);
    return `/** ${type} as zod's parse outputs it, or undefined when zod must decide. */\nexport function fast${label}(v: unknown): ${type} | undefined {\n  const r = ${f}(v);\n  return r === MISS ? undefined : r;\n}`;
  });
  const imports = [...used].sort();
  return [
    '// Generated by src/facts/schema-check-gen.ts from the zod schemas (src/facts/model.ts, src/curate/curation.ts): do not edit.',
    '// Accepts what the schemas accept, with the same output, without loading zod; anything else is a miss (undefined), which',
    '// the caller hands to zod for its verdict. Regenerate: UPDATE_SCHEMA_CHECK=1 npx vitest run test/facts-schema-check.test.ts',
    "import type { Curation } from '../curate/curation.js';",
    "import type { FilmFacts } from './model.js';",
    "import type { FilmMetadata } from '../extract/index.js';",
    `import { ${imports.join(', ')} } from './predicates.js';`,
    '',
    "const MISS = Symbol('miss');",
    ...consts,
    '',
    ...functions.flatMap((f) => [f, '']),
    ...exportsCode.flatMap((e, i) => (i < exportsCode.length - 1 ? [e, ''] : [e])),
    '',
  ].join('\n');
}
