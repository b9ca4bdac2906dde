import { Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { ExportModel } from '../../export-model.js';
import { buildBom, type ComponentPatch } from './build-bom.js';
import { patchCycloneDxJson } from './patch-json.js';
import { patchCycloneDxXml } from './patch-xml.js';

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
  const { bom, patches, annotations } = buildBom(model, spec);
  if (options.format === 'json') {
    const serializer = new PatchingJsonSerializer(new Serialize.JSON.Normalize.Factory(spec), (normalized) =>
      patchCycloneDxJson(normalized as unknown as Record<string, unknown>, patches as Map<string, ComponentPatch>, annotations, options.spec),
    );
    return serializer.serialize(bom, { space: 2 });
  }
  const serializer = new PatchingXmlSerializer(new Serialize.XML.Normalize.Factory(spec), (normalized) =>
    patchCycloneDxXml(normalized, patches, annotations),
  );
  return serializer.serialize(bom, { space: 2 });
}
