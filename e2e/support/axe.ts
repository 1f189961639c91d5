import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe with the WCAG 2.2 AA rules on what the page shows now; any violation fails the test.
 *
 * A page without frames is checked in place (legacy mode). Otherwise axe merges the frames' results in
 * a blank page it opens beside the one under test, and once in a long run the page under test then
 * stopped painting, so the next click waited for a stable element until the test timed out.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  if (page.frames().length === 1) builder.setLegacyMode(true);
  const results = await builder.analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${label}`).toEqual([]);
}
