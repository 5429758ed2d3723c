import { expect, type Locator } from '@playwright/test';

/** Chooses `name` in the people picker labelled `label` within `scope`, found by typing `search`. */
export async function choosePerson(scope: Locator, label: string, search: string, name: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).fill(search);
  const option = scope.getByRole('listbox', { name: `${label}: people found` }).getByRole('option', { name });
  await option.click();
  await expect(scope.getByRole('list', { name: `Chosen: ${label}` })).toContainText(name);
}
