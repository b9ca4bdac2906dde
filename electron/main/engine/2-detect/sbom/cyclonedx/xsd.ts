import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ParseOption,
  XmlDocument,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
  type ErrorDetail,
} from 'libxml2-wasm';
import { cycloneDxSchemaDir } from '../schema-files.js';
import { CYCLONEDX_VERSIONS } from '../json-schema.js';

export interface XsdIssue {
  line: number | null;
  message: string;
}

/**
 * CycloneDX XML validation against the official XSDs with libxml2 compiled to WebAssembly (libxml2-wasm: no native
 * module, synchronous). Documents are parsed without network, DTD loading or external entities; only the schema
 * directory is readable through libxml2's I/O hooks, so the XSDs' `xs:import` of spdx.xsd resolves locally.
 */
const SAFE_PARSE =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_COMPACT;

const validators = new Map<string, XsdValidator>();
let providerRegistered = false;

export function cycloneDxXsdCheck(version: string): ((xml: string) => XsdIssue[]) | null {
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version)) return null;
  return (xml) => validateXml(xml, version);
}

function validateXml(xml: string, version: string): XsdIssue[] {
  const validator = xsdValidator(version);
  let document: XmlDocument;
  try {
    document = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), { option: SAFE_PARSE });
  } catch (error) {
    return describe(error);
  }
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    return describe(error);
  } finally {
    document.dispose();
  }
}

function xsdValidator(version: string): XsdValidator {
  const existing = validators.get(version);
  if (existing) return existing;
  registerSchemaProvider();
  const schemaPath = path.join(cycloneDxSchemaDir(), `bom-${version}.SNAPSHOT.xsd`);
  const schema = XmlDocument.fromBuffer(readFileSync(schemaPath), { url: pathToFileURL(schemaPath).href, option: SAFE_PARSE });
  try {
    const validator = XsdValidator.fromDoc(schema);
    validators.set(version, validator);
    return validator;
  } finally {
    schema.dispose();
  }
}

function registerSchemaProvider(): void {
  if (providerRegistered) return;
  const schemaDir = cycloneDxSchemaDir() + path.sep;
  const toPath = (name: string): string | null => {
    try {
      const file = name.startsWith('file:') ? fileURLToPath(name) : path.resolve(name);
      return file.startsWith(schemaDir) ? file : null;
    } catch {
      return null;
    }
  };
  xmlRegisterInputProvider({
    match: (name) => toPath(name) !== null,
    open: (name) => {
      const file = toPath(name);
      try {
        return file ? openSync(file, 'r') : undefined;
      } catch {
        return undefined;
      }
    },
    read: (fd, buffer) => {
      try {
        return readSync(fd, buffer, 0, buffer.byteLength, null);
      } catch {
        return -1;
      }
    },
    close: (fd) => {
      try {
        closeSync(fd);
      } catch {
        // Nothing to do: the descriptor is gone either way.
      }
      return true;
    },
  });
  providerRegistered = true;
}

function describe(error: unknown): XsdIssue[] {
  if (error instanceof XmlLibError && error.details.length > 0) {
    return error.details
      .filter((detail: ErrorDetail) => detail.level >= 2)
      .map((detail: ErrorDetail) => ({ line: detail.line > 0 ? detail.line : null, message: detail.message.trim() }));
  }
  return [{ line: null, message: (error as Error).message }];
}
