import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Official e-invoice validation for the tests: every Peppol document is checked against the UBL
 * 2.1 schema (xmllint), the CEN EN 16931 UBL schematron and the Peppol BIS Billing 3.0
 * schematron with its SE-R rules (Saxon HE, one JVM for all documents of a call). The artefacts
 * are vendored, pinned, in test/peppol-official (its README says where each file came from).
 */

export interface OfficialDocument {
  /** How findings name the document, e.g. the invoice number. */
  name: string;
  xml: string;
}

export type OfficialSource = 'UBL 2.1 XSD' | 'CEN EN 16931' | 'Peppol BIS 3.0';

export interface OfficialFinding {
  document: string;
  source: OfficialSource;
  /** The rule id (BR-27, PEPPOL-EN16931-R120, SE-R-005), or 'XSD' for a schema error. */
  id: string;
  /** A schema error and a failed assert without a flag are fatal, as in the Peppol validators. */
  flag: 'fatal' | 'warning' | 'information';
  /** An XPath without namespace noise (/Invoice[1]/InvoiceLine[2]), or 'line N' for the schema. */
  location: string;
  text: string;
}

const ARTEFACTS = join(__dirname, '..', 'peppol-official');
const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';
const CEN_XSLT = join(ARTEFACTS, 'cen-en16931', 'EN16931-UBL-validation.xslt');
const PEPPOL_SCH = join(ARTEFACTS, 'peppol-bis-3', 'PEPPOL-EN16931-UBL.sch');
const ISO_COMPILER = join(ARTEFACTS, 'iso-schematron', 'iso_svrl_for_xslt2.xsl');
const ISO_SKELETON = join(ARTEFACTS, 'iso-schematron', 'iso_schematron_skeleton_for_saxon.xsl');
const DRIVER = join(ARTEFACTS, 'validate-documents.xsl');
const SCHEMAS = {
  Invoice: join(ARTEFACTS, 'ubl-2.1', 'xsdrt', 'maindoc', 'UBL-Invoice-2.1.xsd'),
  CreditNote: join(ARTEFACTS, 'ubl-2.1', 'xsdrt', 'maindoc', 'UBL-CreditNote-2.1.xsd'),
} as const;
/** The client JIT only: the stylesheets run once per document, so a faster start wins (measured: half the time). */
const JAVA_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Which of java, Saxon HE and xmllint this machine lacks (Debian: default-jre-headless, libsaxonhe-java, libxml2-utils). */
export function missingOfficialTools(): string[] {
  const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  const missing: string[] = [];
  if (!runs('java', ['-version'])) missing.push('java (default-jre-headless)');
  if (!existsSync(SAXON_JAR)) missing.push(`${SAXON_JAR} (libsaxonhe-java)`);
  if (!runs('xmllint', ['--version'])) missing.push('xmllint (libxml2-utils)');
  return missing;
}

/**
 * Every finding of the three official validations for each document: schema errors, failed
 * asserts of both schematrons, fatal and warnings alike. Throws when a tool is missing or a
 * document was not validated, so silence always means "checked and clean".
 */
export async function validateOfficially(docs: OfficialDocument[]): Promise<OfficialFinding[]> {
  const missing = missingOfficialTools();
  if (missing.length > 0) throw new Error(`Officiell Peppol-validering saknar ${missing.join(', ')}`);
  if (docs.length === 0) return [];
  const folder = mkdtempSync(join(tmpdir(), 'peppol-official-'));
  try {
    const files = docs.map((doc, i) => {
      const file = `${String(i + 1).padStart(4, '0')}.xml`;
      writeFileSync(join(folder, file), doc.xml, 'utf8');
      return { file, doc, root: rootElement(doc.xml) };
    });
    const [schema, rules] = await Promise.all([
      schemaFindings(folder, files),
      schematronFindings(folder, files),
    ]);
    return [...schema, ...rules];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The fatal findings, one line each, for a readable test failure. */
export function fatalFindings(findings: OfficialFinding[]): string[] {
  return findings
    .filter((f) => f.flag === 'fatal')
    .map((f) => `${f.document}: ${f.source} ${f.id} at ${f.location}: ${f.text}`);
}

/**
 * Asserts that every document passes the official validation with no fatal finding. Outside CI a
 * machine without the tools skips with a message; with CI=true a missing tool fails the test.
 */
export async function expectOfficiallyValid(docs: OfficialDocument[]): Promise<OfficialFinding[]> {
  const missing = missingOfficialTools();
  if (missing.length > 0 && process.env.CI !== 'true') {
    console.warn(
      `Officiell Peppol-validering hoppades över (${docs.length} dokument): saknar ${missing.join(', ')}`,
    );
    return [];
  }
  const findings = await validateOfficially(docs);
  expect(fatalFindings(findings)).toEqual([]);
  return findings;
}

interface WrittenFile {
  file: string;
  doc: OfficialDocument;
  root: keyof typeof SCHEMAS | null;
}

function rootElement(xml: string): keyof typeof SCHEMAS | null {
  const m = /^\s*(?:<\?[^?]*\?>\s*|<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(xml);
  return m && (m[1] === 'Invoice' || m[1] === 'CreditNote') ? m[1] : null;
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** xmllint, once per root element; a file must end as "validates" or "fails to validate". */
async function schemaFindings(folder: string, files: WrittenFile[]): Promise<OfficialFinding[]> {
  const finding = (doc: OfficialDocument, location: string, text: string): OfficialFinding => ({
    document: doc.name,
    source: 'UBL 2.1 XSD',
    id: 'XSD',
    flag: 'fatal',
    location,
    text,
  });
  const out: OfficialFinding[] = files
    .filter((f) => f.root === null)
    .map((f) => finding(f.doc, '/', 'Rotelementet är varken ett UBL 2.1 Invoice eller CreditNote'));
  for (const root of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
    const batch = files.filter((f) => f.root === root);
    if (batch.length === 0) continue;
    const { stderr } = await run('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      SCHEMAS[root],
      ...batch.map((f) => join(folder, f.file)),
    ]);
    for (const f of batch) {
      const path = join(folder, f.file);
      const lines = stderr.split('\n').filter((l) => l.startsWith(path));
      for (const l of lines) {
        const m = /^[^:]+:(\d+): (.*)$/.exec(l);
        if (m) out.push(finding(f.doc, `line ${m[1]}`, m[2]));
      }
      const validates = lines.includes(`${path} validates`);
      const fails = lines.includes(`${path} fails to validate`);
      if (!validates && !fails) throw new Error(`xmllint validerade inte ${f.doc.name}:\n${stderr}`);
      if (fails && !out.some((x) => x.document === f.doc.name && x.source === 'UBL 2.1 XSD'))
        out.push(finding(f.doc, '/', 'xmllint: fails to validate'));
    }
  }
  return out;
}

interface RuleSetResult {
  file: string;
  ruleSet: 'cen' | 'peppol';
  firedRules: number;
  findings: { id: string; flag: string; location: string; text: string }[];
}

/** Both schematrons over the whole folder in one Saxon run; each must have fired rules on each document. */
async function schematronFindings(folder: string, files: WrittenFile[]): Promise<OfficialFinding[]> {
  const peppol = await compiledPeppolSchematron();
  const { code, stdout, stderr } = await run('java', [
    ...JAVA_OPTIONS,
    '-cp',
    SAXON_JAR,
    'net.sf.saxon.Transform',
    '-it',
    `-xsl:${DRIVER}`,
    `folder=${pathToFileURL(folder).href}`,
    `cen=${pathToFileURL(CEN_XSLT).href}`,
    `peppol=${pathToFileURL(peppol).href}`,
  ]);
  if (code !== 0) throw new Error(`Saxon avbröt schematronvalideringen:\n${stderr}`);
  const results = JSON.parse(stdout) as RuleSetResult[];
  const out: OfficialFinding[] = [];
  for (const f of files) {
    for (const ruleSet of ['cen', 'peppol'] as const) {
      const result = results.find((r) => r.file === f.file && r.ruleSet === ruleSet);
      if (!result || result.firedRules === 0) {
        throw new Error(`${ruleSet}-schematronen prövade inga regler på ${f.doc.name}`);
      }
      for (const x of result.findings) {
        out.push({
          document: f.doc.name,
          source: ruleSet === 'cen' ? 'CEN EN 16931' : 'Peppol BIS 3.0',
          id: x.id,
          flag: x.flag === 'warning' || x.flag === 'information' ? x.flag : 'fatal',
          location: x.location.replace(/\[namespace-uri\(\)='[^']*'\]/g, '').replace(/\*:/g, ''),
          text: x.text,
        });
      }
    }
  }
  return out;
}

/**
 * The Peppol schematron compiled to XSLT by the ISO skeleton, cached in the temp folder under a
 * hash of its sources; written to a private name and renamed, so parallel test workers never
 * read half a file.
 */
async function compiledPeppolSchematron(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of [PEPPOL_SCH, ISO_COMPILER, ISO_SKELETON]) hash.update(readFileSync(source));
  const cache = join(tmpdir(), 'it-samverkan-peppol-official');
  const target = join(cache, `PEPPOL-EN16931-UBL-${hash.digest('hex').slice(0, 16)}.xslt`);
  if (existsSync(target)) return target;
  mkdirSync(cache, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  const { code, stderr } = await run('java', [
    ...JAVA_OPTIONS,
    '-cp',
    SAXON_JAR,
    'net.sf.saxon.Transform',
    `-s:${PEPPOL_SCH}`,
    `-xsl:${ISO_COMPILER}`,
    `-o:${partial}`,
  ]);
  if (code !== 0) throw new Error(`Peppol-schematronen kunde inte kompileras:\n${stderr}`);
  renameSync(partial, target);
  return target;
}
