#!/usr/bin/env node
/**
 * The whole-process reference for `jiaodui import` (bench/startup.ts): the bare work of an
 * import in plain Node, nothing compiled — read the file, decode UTF-8, split it into
 * sentences, convert each with opencc-js (Traditional → Simplified) and insert text and
 * rendering into a WAL database in one transaction.
 * Usage: node bench/bare-import.mjs FILE DB
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as OpenCC from 'opencc-js';

const [file, dbPath] = process.argv.slice(2);
const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
const sentences = text.split(/(?<=[。！？\n])/).filter((s) => s.trim());
const convert = OpenCC.Converter({ from: 't', to: 'cn' });
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, t TEXT, r TEXT)');
const insert = db.prepare('INSERT INTO s (t, r) VALUES (?, ?)');
db.transaction(() => {
  for (const s of sentences) insert.run(s, convert(s));
})();
db.close();
process.stdout.write(`${sentences.length}\n`);
