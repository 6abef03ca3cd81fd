// The third-party parsers, each loaded the first time a document needs it: Markdown for Markdown,
// parse5 for HTML, YAML for front matter. Imported up front, the three took ~150 ms of every
// `atlas` start, though a plain-text document needs none of them (bench/cli-start.mjs).
// `require` keeps readDocument synchronous; mdast-util-from-markdown is an ES module, which
// Node.js requires since 20.19 (package.json's engines).
import { createRequire } from 'node:module';
import type * as Markdown from 'mdast-util-from-markdown';
import type * as Html from 'parse5';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

let markdown: typeof Markdown | null = null;
let html: typeof Html | null = null;
let yaml: typeof Yaml | null = null;

export const markdownParser = (): typeof Markdown => {
  markdown ??= require('mdast-util-from-markdown') as typeof Markdown;
  return markdown;
};

export const htmlParser = (): typeof Html => {
  html ??= require('parse5') as typeof Html;
  return html;
};

export const yamlParser = (): typeof Yaml => {
  yaml ??= require('yaml') as typeof Yaml;
  return yaml;
};
