type Json = Record<string, unknown>;

/**
 * An SPDX 2.3 document in JSON shape → tag-value, the inverse of the reader's mapping (spdx2-tag-value.ts).
 * Free text goes in <text>…</text>; annotations move to the Annotations section with SPDXREF.
 */
export function toTagValue(document: Json): string {
  const lines: string[] = [];
  const put = (tag: string, value: unknown, freeText = false): void => {
    if (value === undefined || value === null || value === '') return;
    const text = String(value);
    lines.push(`${tag}: ${freeText || /[\r\n]/.test(text) ? `<text>${text.replaceAll('</text>', '&lt;/text>')}</text>` : text}`);
  };
  const annotations: { target: string; annotation: Json }[] = [];
  const collectAnnotations = (element: Json, id: string): void => {
    for (const annotation of (element.annotations ?? []) as Json[]) annotations.push({ target: id, annotation });
  };

  lines.push('## Document Information');
  put('SPDXVersion', document.spdxVersion);
  put('DataLicense', document.dataLicense);
  put('SPDXID', document.SPDXID);
  put('DocumentName', document.name);
  put('DocumentNamespace', document.documentNamespace);
  put('DocumentComment', document.comment, true);
  lines.push('', '## Creation Information');
  const creationInfo = (document.creationInfo ?? {}) as Json;
  for (const creator of (creationInfo.creators ?? []) as string[]) put('Creator', creator);
  put('Created', creationInfo.created);
  put('LicenseListVersion', creationInfo.licenseListVersion);
  collectAnnotations(document, String(document.SPDXID));

  // Files first: in tag-value a file that follows a package is read as part of it, and ours name no package.
  for (const file of (document.files ?? []) as Json[]) {
    lines.push('', '## File Information');
    put('FileName', file.fileName);
    put('SPDXID', file.SPDXID);
    for (const type of (file.fileTypes ?? []) as string[]) put('FileType', type);
    for (const checksum of (file.checksums ?? []) as Json[]) put('FileChecksum', `${String(checksum.algorithm)}: ${String(checksum.checksumValue)}`);
    put('LicenseConcluded', file.licenseConcluded);
    for (const id of (file.licenseInfoInFiles ?? []) as string[]) put('LicenseInfoInFile', id);
    put('LicenseComments', file.licenseComments, true);
    put('FileCopyrightText', file.copyrightText, true);
    put('FileComment', file.comment, true);
    put('FileNotice', file.noticeText, true);
    for (const contributor of (file.fileContributors ?? []) as string[]) put('FileContributor', contributor);
    for (const text of (file.attributionTexts ?? []) as string[]) put('FileAttributionText', text, true);
    collectAnnotations(file, String(file.SPDXID));
  }

  for (const pkg of (document.packages ?? []) as Json[]) {
    lines.push('', '## Package Information');
    put('PackageName', pkg.name);
    put('SPDXID', pkg.SPDXID);
    put('PackageVersion', pkg.versionInfo);
    put('PackageFileName', pkg.packageFileName);
    put('PackageSupplier', pkg.supplier);
    put('PackageOriginator', pkg.originator);
    put('PackageDownloadLocation', pkg.downloadLocation);
    put('FilesAnalyzed', pkg.filesAnalyzed);
    const code = pkg.packageVerificationCode as Json | undefined;
    if (code) {
      const excluded = (code.packageVerificationCodeExcludedFiles ?? []) as string[];
      put('PackageVerificationCode', `${String(code.packageVerificationCodeValue)}${excluded.length > 0 ? ` (excludes: ${excluded.join(', ')})` : ''}`);
    }
    for (const checksum of (pkg.checksums ?? []) as Json[]) put('PackageChecksum', `${String(checksum.algorithm)}: ${String(checksum.checksumValue)}`);
    put('PackageHomePage', pkg.homepage);
    put('PackageSourceInfo', pkg.sourceInfo, true);
    put('PrimaryPackagePurpose', pkg.primaryPackagePurpose);
    put('ReleaseDate', pkg.releaseDate);
    put('BuiltDate', pkg.builtDate);
    put('ValidUntilDate', pkg.validUntilDate);
    put('PackageLicenseConcluded', pkg.licenseConcluded);
    for (const id of (pkg.licenseInfoFromFiles ?? []) as string[]) put('PackageLicenseInfoFromFiles', id);
    put('PackageLicenseDeclared', pkg.licenseDeclared);
    put('PackageLicenseComments', pkg.licenseComments, true);
    put('PackageCopyrightText', pkg.copyrightText, true);
    put('PackageSummary', pkg.summary, true);
    put('PackageDescription', pkg.description, true);
    put('PackageComment', pkg.comment, true);
    for (const ref of (pkg.externalRefs ?? []) as Json[]) {
      put('ExternalRef', `${String(ref.referenceCategory)} ${String(ref.referenceType)} ${String(ref.referenceLocator)}`);
      put('ExternalRefComment', ref.comment, true);
    }
    for (const text of (pkg.attributionTexts ?? []) as string[]) put('PackageAttributionText', text, true);
    collectAnnotations(pkg, String(pkg.SPDXID));
  }

  for (const license of (document.hasExtractedLicensingInfos ?? []) as Json[]) {
    lines.push('', '## Other Licensing Information');
    put('LicenseID', license.licenseId);
    put('ExtractedText', license.extractedText, true);
    put('LicenseName', license.name);
    for (const url of (license.seeAlsos ?? []) as string[]) put('LicenseCrossReference', url);
    put('LicenseComment', license.comment, true);
  }

  const relationships = (document.relationships ?? []) as Json[];
  if (relationships.length > 0) lines.push('', '## Relationships');
  for (const relationship of relationships) {
    put('Relationship', `${String(relationship.spdxElementId)} ${String(relationship.relationshipType)} ${String(relationship.relatedSpdxElement)}`);
    put('RelationshipComment', relationship.comment, true);
  }

  if (annotations.length > 0) lines.push('', '## Annotations');
  for (const { target, annotation } of annotations) {
    put('Annotator', annotation.annotator);
    put('AnnotationDate', annotation.annotationDate);
    put('AnnotationType', annotation.annotationType);
    put('SPDXREF', target);
    put('AnnotationComment', annotation.comment, true);
  }
  return `${lines.join('\n')}\n`;
}
