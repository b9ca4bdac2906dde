import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ProjectsPage } from '../pages/projects-page';

/** A supplier SBOM with one schema problem: a component type CycloneDX 1.6 does not define. */
function supplierSbom(file: string): void {
  writeFileSync(
    file,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', name: 'supplied-app', version: '3.0.0', 'bom-ref': 'app' } },
      components: [
        { type: 'library', 'bom-ref': 'a', name: 'alpha-lib', version: '1.0.0', purl: 'pkg:npm/alpha-lib@1.0.0', licenses: [{ license: { id: 'MIT' } }] },
        { type: 'gadget', 'bom-ref': 'b', name: 'beta-lib', version: '2.0.0', purl: 'pkg:npm/beta-lib@2.0.0', licenses: [{ expression: 'Apache-2.0 OR MIT' }] },
      ],
      dependencies: [{ ref: 'app', dependsOn: ['a', 'b'] }],
    }),
  );
}

test('imports an SBOM: refused with the problem when invalid, imported leniently with each problem in the scan history', async ({ app }) => {
  const { page } = app;
  const file = path.join(app.scratch, 'supplier.cdx.json');
  supplierSbom(file);
  const projects = new ProjectsPage(page);
  await projects.open();

  await projects.addSource('sbom', [file]);
  expect(await projects.waitForJobEnd()).toBe('failed');
  const failed = page.getByTestId('job').first();
  await expect(failed).toContainText(file);
  await expect(failed).toContainText('/components/1/type');
  // Nothing half-imported: no project was left behind.
  await expect(page.getByText('No projects yet')).toBeVisible();
  await failed.getByRole('button', { name: /Dismiss/ }).click();

  await projects.addSource('sbom', [file], { lenient: true });
  expect(await projects.waitForJobEnd()).toBe('finished');
  const row = page.getByTestId('project-row').filter({ hasText: 'supplier.cdx.json' });
  await row.getByRole('button', { name: /Scan history of/ }).click();
  const history = page.getByRole('dialog', { name: /Scan history of/ });
  await expect(history.getByTestId('scan-entry').first()).toContainText('finished');
  await expect(history).toContainText('CycloneDX 1.6 (json)');
  await expect(history).toContainText('1 problems (imported leniently)');
  await expect(history.getByRole('list', { name: /Warnings of scan/ })).toContainText('/components/1/type');
  await history.getByRole('button', { name: 'Close' }).click();

  await row.getByRole('link').first().click();
  const table = page.getByRole('grid', { name: 'components' });
  await expect(table.getByRole('row').filter({ hasText: 'beta-lib' })).toContainText('sbom:supplier.cdx.json');
  await expect(table.getByRole('row').filter({ hasText: 'beta-lib' })).toContainText('Apache-2.0 OR MIT');
});
