// Where the project's bundled files live, resolved from this module so that it works from src/ (tests) and dist/ (CLI).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the filmkg package (the folder holding package.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Bundled films: one folder per film with article.txt, metadata.json and curation.json. */
export const FILMS_DIR = path.join(PROJECT_ROOT, 'data', 'films');
/** The film built when no article is named. */
export const DEFAULT_FILM = 'leaving-las-vegas';
/** Bundled SPARQL queries. */
export const QUERIES_DIR = path.join(PROJECT_ROOT, 'queries');
/** Ontology, shapes and JSON-LD context. */
export const ONTOLOGY_DIR = path.join(PROJECT_ROOT, 'ontology');
/** Vendored third-party files. */
export const VENDOR_DIR = path.join(PROJECT_ROOT, 'vendor');
