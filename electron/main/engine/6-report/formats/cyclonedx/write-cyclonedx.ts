import { Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { cycloneDxXsdCheck } from '../../../2-detect/sbom/cyclonedx/xsd.js';
import type { ExportModel } from '../../export-model.js';
import { buildBom } from './build-bom.js';
import { patchCycloneDxJson, type BomPatches } from './patch-json.js';
import { patchCycloneDxXml } from './patch-xml.js';
import { addImportedSectionsXml } from './sections-xml.js';

export type CycloneDxSpec = '1.5' | '1.6' | '1.7';

export interface CycloneDxWriteOptions {
  spec: CycloneDxSpec;
  format: 'json' | 'xml';
}

const SPECS = { '1.5': Spec.Spec1dot5, '1.6': Spec.Spec1dot6, '1.7': Spec.Spec1dot7 } as const;

/** The library's JSON serializer, with our patch applied to its normalized form before it is stringified. */
class PatchingJsonSerializer extends Serialize.JsonSerializer {
  constructor(
    factory: Serialize.JSON.Normalize.Factory,
    private readonly patch: (bom: Serialize.JSON.Types.Normalized.Bom) => void,
  ) {
    super(factory);
  }

  protected override _serialize(bom: Serialize.JSON.Types.Normalized.Bom, options?: Serialize.Types.SerializerOptions): string {
    this.patch(bom);
    return super._serialize(bom, options);
  }
}

class PatchingXmlSerializer extends Serialize.XmlSerializer {
  constructor(
    factory: Serialize.XML.Normalize.Factory,
    private readonly patch: (bom: Serialize.XML.Types.SimpleXml.Element) => void,
  ) {
    super(factory);
  }

  protected override _serialize(bom: Serialize.XML.Types.SimpleXml.Element, options?: Serialize.Types.SerializerOptions): string {
    this.patch(bom);
    return super._serialize(bom, options);
  }
}

/**
 * ExportModel → CycloneDX 1.5/1.6/1.7 JSON or XML through @cyclonedx/cyclonedx-library's models and serializers
 * (XML via its xmlbuilder2 stringifier, pure JS). See docs/sbom-mapping.md for what goes where.
 */
export function writeCycloneDx(model: ExportModel, options: CycloneDxWriteOptions): string {
  const spec = SPECS[options.spec];
  const built: BomPatches = { ...buildBom(model, spec), compositions: model.compositions ?? [], importedAnnotations: model.annotations ?? [] };
  if (options.format === 'json') {
    const serializer = new PatchingJsonSerializer(new Serialize.JSON.Normalize.Factory(spec), (normalized) =>
      patchCycloneDxJson(normalized as unknown as Record<string, unknown>, built, options.spec),
    );
    return serializer.serialize(built.bom, { space: 2 });
  }
  // Imported additions in XML, most to least: each tier is tried while the XSD rejects the one before (XML has no
  // per-field check like the JSON merge).
  const tiers = [
    { sections: true, componentExtras: true },
    { sections: true, componentExtras: false },
    { sections: false, componentExtras: false },
  ];
  const writeXml = (tier: (typeof tiers)[number]): string =>
    new PatchingXmlSerializer(new Serialize.XML.Normalize.Factory(spec), (normalized) => {
      if (tier.sections) addImportedSectionsXml(normalized, built, spec);
      const extras = tier.componentExtras ? { spec: options.spec, factory: new Serialize.XML.Normalize.Factory(spec) } : undefined;
      patchCycloneDxXml(normalized, built.patches, built.annotations, extras);
    }).serialize(built.bom, { space: 2 });
  const imported = built.rawServices.size + built.rawVulnerabilities.size + built.compositions.length + built.importedAnnotations.length;
  const hasComponentExtras = [...built.patches.values()].some((patch) => patch.extra !== null);
  if (imported === 0 && !hasComponentExtras) return writeXml(tiers[2]!);
  const check = cycloneDxXsdCheck(options.spec);
  let xml = '';
  for (const tier of tiers) {
    xml = writeXml(tier);
    if (!check || check(xml).length === 0) return xml;
  }
  return xml;
}
