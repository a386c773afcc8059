/**
 * Tests only: check an XML export with xmllint (Debian's libxml2-utils), offline — for
 * well-formedness, or against an XSD in tests/fixtures/xliff/ (the OASIS schemas, whose
 * import of the W3C xml.xsd points at the local copy beside them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** core/testing/ → the package root (not core/context's, which loads the whole service) */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

export const XLIFF20_SCHEMA = join(PACKAGE_ROOT, 'tests', 'fixtures', 'xliff', 'xliff_core_2.0.xsd');
export const XLIFF12_SCHEMA = join(PACKAGE_ROOT, 'tests', 'fixtures', 'xliff', 'xliff-core-1.2-strict.xsd');

/** xmllint's verdict on a document: exit status and what it printed (errors, or "… validates"). */
export function xmllint(xml: string, schema?: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-xmllint-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml, 'utf8');
    const r = spawnSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
