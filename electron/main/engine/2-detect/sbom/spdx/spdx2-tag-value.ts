import { jsonPointer, type ProblemLog } from '../problems.js';
import type { JsonObject } from '../values.js';

export interface TagValueResult {
  document: JsonObject;
  /** Line of each JSON pointer written, so schema problems can name the line of the tag-value file. */
  lines: Map<string, number>;
}

type Section = 'document' | 'package' | 'file' | 'snippet' | 'license' | 'annotation' | 'relationship';

/** Tag → [section it belongs to, JSON field, kind]. */
type Kind = 'string' | 'list' | 'urls' | 'bool' | 'checksum' | 'externalRef' | 'verificationCode' | 'range';
const FIELDS: Record<string, [Section | 'any', string, Kind]> = {
  SPDXVersion: ['document', 'spdxVersion', 'string'],
  DataLicense: ['document', 'dataLicense', 'string'],
  DocumentName: ['document', 'name', 'string'],
  DocumentNamespace: ['document', 'documentNamespace', 'string'],
  DocumentComment: ['document', 'comment', 'string'],
  LicenseListVersion: ['document', 'creationInfo.licenseListVersion', 'string'],
  Creator: ['document', 'creationInfo.creators', 'list'],
  Created: ['document', 'creationInfo.created', 'string'],
  CreatorComment: ['document', 'creationInfo.comment', 'string'],
  PackageVersion: ['package', 'versionInfo', 'string'],
  PackageFileName: ['package', 'packageFileName', 'string'],
  PackageSupplier: ['package', 'supplier', 'string'],
  PackageOriginator: ['package', 'originator', 'string'],
  PackageDownloadLocation: ['package', 'downloadLocation', 'string'],
  FilesAnalyzed: ['package', 'filesAnalyzed', 'bool'],
  PackageVerificationCode: ['package', 'packageVerificationCode', 'verificationCode'],
  PackageChecksum: ['package', 'checksums', 'checksum'],
  PackageHomePage: ['package', 'homepage', 'string'],
  PackageSourceInfo: ['package', 'sourceInfo', 'string'],
  PackageLicenseConcluded: ['package', 'licenseConcluded', 'string'],
  PackageLicenseInfoFromFiles: ['package', 'licenseInfoFromFiles', 'list'],
  PackageLicenseDeclared: ['package', 'licenseDeclared', 'string'],
  PackageLicenseComments: ['package', 'licenseComments', 'string'],
  PackageCopyrightText: ['package', 'copyrightText', 'string'],
  PackageSummary: ['package', 'summary', 'string'],
  PackageDescription: ['package', 'description', 'string'],
  PackageComment: ['package', 'comment', 'string'],
  ExternalRef: ['package', 'externalRefs', 'externalRef'],
  PackageAttributionText: ['package', 'attributionTexts', 'list'],
  PrimaryPackagePurpose: ['package', 'primaryPackagePurpose', 'string'],
  ReleaseDate: ['package', 'releaseDate', 'string'],
  BuiltDate: ['package', 'builtDate', 'string'],
  ValidUntilDate: ['package', 'validUntilDate', 'string'],
  FileType: ['file', 'fileTypes', 'list'],
  FileChecksum: ['file', 'checksums', 'checksum'],
  LicenseInfoInFile: ['file', 'licenseInfoInFiles', 'list'],
  FileCopyrightText: ['file', 'copyrightText', 'string'],
  FileComment: ['file', 'comment', 'string'],
  FileNotice: ['file', 'noticeText', 'string'],
  FileContributor: ['file', 'fileContributors', 'list'],
  FileAttributionText: ['file', 'attributionTexts', 'list'],
  SnippetFromFileSPDXID: ['snippet', 'snippetFromFile', 'string'],
  SnippetByteRange: ['snippet', 'ranges', 'range'],
  SnippetLineRange: ['snippet', 'ranges', 'range'],
  SnippetLicenseConcluded: ['snippet', 'licenseConcluded', 'string'],
  LicenseInfoInSnippet: ['snippet', 'licenseInfoInSnippets', 'list'],
  SnippetLicenseComments: ['snippet', 'licenseComments', 'string'],
  SnippetCopyrightText: ['snippet', 'copyrightText', 'string'],
  SnippetComment: ['snippet', 'comment', 'string'],
  SnippetName: ['snippet', 'name', 'string'],
  SnippetAttributionText: ['snippet', 'attributionTexts', 'list'],
  ExtractedText: ['license', 'extractedText', 'string'],
  LicenseName: ['license', 'name', 'string'],
  LicenseCrossReference: ['license', 'seeAlsos', 'urls'],
  LicenseComment: ['license', 'comment', 'string'],
  AnnotationDate: ['annotation', 'annotationDate', 'string'],
  AnnotationType: ['annotation', 'annotationType', 'string'],
  AnnotationComment: ['annotation', 'comment', 'string'],
  RelationshipComment: ['relationship', 'comment', 'string'],
};

/** Tags shared by several sections: their field depends on the element being described. */
const SHARED: Record<string, Partial<Record<Section, string>>> = {
  LicenseConcluded: { file: 'licenseConcluded', snippet: 'licenseConcluded' },
  LicenseComments: { file: 'licenseComments', snippet: 'licenseComments', package: 'licenseComments' },
  ExternalRefComment: { package: 'externalRefs' },
};

/** Parses SPDX 2 tag-value into the JSON shape (the spec's own mapping), so the JSON schema and reader apply. */
export function parseSpdxTagValue(text: string, log: ProblemLog): TagValueResult {
  const document: JsonObject = { creationInfo: {} };
  const lines = new Map<string, number>();
  let section = 'document' as Section;
  let current: JsonObject = document;
  let currentPointer = '';
  let lastPackage: JsonObject | null = null;
  const annotationTargets: { annotation: JsonObject; line: number }[] = [];
  const elementsById = new Map<string, JsonObject>();

  const start = (kind: Section, list: string, element: JsonObject, line: number): void => {
    const array = (document[list] ??= []) as JsonObject[];
    currentPointer = jsonPointer([list, array.length]);
    array.push(element);
    lines.set(currentPointer, line);
    section = kind;
    current = element;
  };

  const source = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < source.length; index++) {
    const lineNumber = index + 1;
    const raw = source[index]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const colon = raw.indexOf(':');
    if (colon <= 0) {
      log.error(`line ${lineNumber}`, `expected "Tag: value", found "${raw.slice(0, 60)}"`);
      continue;
    }
    const tag = raw.slice(0, colon).trim();
    let value = raw.slice(colon + 1).trim();
    if (value.startsWith('<text>')) {
      // Multi-line value: everything up to </text>, possibly lines later.
      let body = value.slice(6);
      while (!body.includes('</text>') && index + 1 < source.length) body += '\n' + source[++index]!;
      const end = body.indexOf('</text>');
      if (end === -1) log.error(`line ${lineNumber}`, `<text> of ${tag} is never closed with </text>`);
      value = end === -1 ? body : body.slice(0, end);
    }
    switch (tag) {
      case 'PackageName':
        start('package', 'packages', { name: value }, lineNumber);
        lastPackage = current;
        continue;
      case 'FileName':
        start('file', 'files', { fileName: value }, lineNumber);
        continue;
      case 'SnippetSPDXID':
        start('snippet', 'snippets', { SPDXID: value }, lineNumber);
        elementsById.set(value, current);
        continue;
      case 'LicenseID':
        start('license', 'hasExtractedLicensingInfos', { licenseId: value }, lineNumber);
        continue;
      case 'Annotator': {
        const annotation: JsonObject = { annotator: value };
        annotationTargets.push({ annotation, line: lineNumber });
        section = 'annotation';
        current = annotation;
        currentPointer = `line ${lineNumber}`;
        continue;
      }
      case 'SPDXREF':
        if (section === 'annotation') current.spdxRef = value;
        continue;
      case 'Relationship': {
        const parts = value.split(/\s+/);
        if (parts.length < 3) {
          log.error(`line ${lineNumber}`, `Relationship needs "<element> <TYPE> <element>", found "${value}"`);
          continue;
        }
        start('relationship', 'relationships', { spdxElementId: parts[0], relationshipType: parts[1], relatedSpdxElement: parts.slice(2).join(' ') }, lineNumber);
        continue;
      }
      case 'SPDXID':
        current.SPDXID = value;
        lines.set(`${currentPointer}/SPDXID`, lineNumber);
        elementsById.set(value, current);
        if (section === 'file' && lastPackage) ((lastPackage.hasFiles ??= []) as string[]).push(value);
        continue;
      case 'ExternalDocumentRef': {
        const match = /^(\S+)\s+(\S+)\s+(\w[\w-]*):\s*(\S+)$/.exec(value);
        if (!match) {
          log.error(`line ${lineNumber}`, `ExternalDocumentRef needs "<DocumentRef-id> <uri> <ALG>: <checksum>", found "${value}"`);
          continue;
        }
        ((document.externalDocumentRefs ??= []) as JsonObject[]).push({
          externalDocumentId: match[1], spdxDocument: match[2], checksum: { algorithm: match[3], checksumValue: match[4] },
        });
        continue;
      }
    }
    const shared: string | undefined = SHARED[tag]?.[section];
    if (tag === 'ExternalRefComment' && section === 'package') {
      const refs = (current.externalRefs ?? []) as JsonObject[];
      if (refs.length > 0) refs[refs.length - 1]!.comment = value;
      continue;
    }
    const field: [Section | 'any', string, Kind] | undefined = shared ? [section, shared, 'string'] : FIELDS[tag];
    if (!field) {
      log.warning(`line ${lineNumber}`, `unknown tag "${tag}" ignored`);
      continue;
    }
    const [owner, name, kind] = field;
    if (owner !== 'any' && owner !== section && !(owner === 'document' && section === 'document')) {
      log.warning(`line ${lineNumber}`, `tag "${tag}" does not belong in a ${section} section; ignored`);
      continue;
    }
    const target = name.startsWith('creationInfo.') ? (document.creationInfo as JsonObject) : current;
    const key = name.startsWith('creationInfo.') ? name.slice('creationInfo.'.length) : name;
    const pointer = name.startsWith('creationInfo.') ? `/creationInfo/${key}` : `${currentPointer}/${key}`;
    lines.set(pointer, lineNumber);
    const parsed = parseValue(kind, value, tag, lineNumber, log);
    if (parsed === undefined) continue;
    if (kind === 'urls') {
      // Several URLs may share one LicenseCrossReference line, comma-separated.
      const list = (target[key] ??= []) as unknown[];
      list.push(...(parsed as string).split(/\s*,\s*/).filter((url) => url !== ''));
    } else if (kind === 'list' || kind === 'checksum' || kind === 'externalRef' || kind === 'range') {
      const list = (target[key] ??= []) as unknown[];
      lines.set(`${pointer}/${list.length}`, lineNumber);
      list.push(parsed);
    } else {
      target[key] = parsed;
    }
  }
  placeAnnotations(document, annotationTargets, elementsById);
  linkSnippetRanges(document);
  return { document, lines };
}

function parseValue(kind: Kind, value: string, tag: string, line: number, log: ProblemLog): unknown {
  switch (kind) {
    case 'string':
    case 'list':
    case 'urls':
      return value;
    case 'bool':
      return value.toLowerCase() === 'true';
    case 'checksum': {
      const match = /^(\w[\w-]*):\s*(\S+)$/.exec(value);
      if (!match) {
        log.error(`line ${line}`, `${tag} needs "<ALGORITHM>: <value>", found "${value}"`);
        return undefined;
      }
      return { algorithm: match[1], checksumValue: match[2] };
    }
    case 'externalRef': {
      const parts = value.split(/\s+/);
      if (parts.length < 3) {
        log.error(`line ${line}`, `ExternalRef needs "<category> <type> <locator>", found "${value}"`);
        return undefined;
      }
      return { referenceCategory: parts[0]!.replace('_', '-'), referenceType: parts[1], referenceLocator: parts.slice(2).join(' ') };
    }
    case 'verificationCode': {
      const match = /^(\S+)(?:\s*\((?:excludes:)?\s*([^)]*)\))?$/.exec(value);
      const code: JsonObject = { packageVerificationCodeValue: match?.[1] ?? value };
      if (match?.[2]) code.packageVerificationCodeExcludedFiles = match[2].split(/[,\s]+/).filter((file) => file !== '');
      return code;
    }
    case 'range': {
      const match = /^(\d+):(\d+)$/.exec(value);
      if (!match) {
        log.error(`line ${line}`, `${tag} needs "<start>:<end>", found "${value}"`);
        return undefined;
      }
      const key = tag === 'SnippetByteRange' ? 'offset' : 'lineNumber';
      return { startPointer: { [key]: Number(match[1]) }, endPointer: { [key]: Number(match[2]) } };
    }
  }
}

/** Range pointers name their file in the JSON shape; tag-value states it once per snippet. */
function linkSnippetRanges(document: JsonObject): void {
  for (const snippet of (document.snippets ?? []) as JsonObject[]) {
    for (const range of (snippet.ranges ?? []) as JsonObject[]) {
      for (const end of [range.startPointer, range.endPointer] as JsonObject[]) end.reference = snippet.snippetFromFile;
    }
  }
}

/** Annotations name their element with SPDXREF; in the JSON shape they live inside it (or in the document). */
function placeAnnotations(document: JsonObject, annotations: { annotation: JsonObject }[], byId: Map<string, JsonObject>): void {
  const documentId = document.SPDXID;
  for (const { annotation } of annotations) {
    const target = annotation.spdxRef;
    delete annotation.spdxRef;
    const owner = typeof target === 'string' && target !== documentId ? byId.get(target) ?? document : document;
    ((owner.annotations ??= []) as JsonObject[]).push(annotation);
  }
}
