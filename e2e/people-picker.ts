import { expect, type Locator } from '@playwright/test';

/**
 * Chooses `name` in the picker labelled `label` within `scope` (components/people-picker.tsx), found by typing
 * `search`: a person from the directory, or an organisation.
 */
export async function choosePerson(
  scope: Locator,
  label: string,
  search: string,
  name: string,
  kind: 'people' | 'organisations' = 'people',
) {
  await scope.getByRole('combobox', { name: label, exact: true }).fill(search);
  const option = scope.getByRole('listbox', { name: `${label}: ${kind} found` }).getByRole('option', { name });
  await option.click();
  await expect(scope.getByRole('list', { name: `Chosen: ${label}` })).toContainText(name);
}
