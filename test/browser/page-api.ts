/**
 * The API as a signed-in page calls it: its session cookie, and the CSRF token on a write. Browser
 * tests check through it what a click did, and find the data a page needs.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export function pageApi(baseUrl: string, page: Page) {
  const url = (path: string) => `${baseUrl}${path}`;
  return {
    async get<T>(path: string): Promise<T> {
      const response = await page.request.get(url(path));
      expect(response.status(), path).toBe(200);
      return response.json();
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const cookies = await page.context().cookies();
      const token = cookies.find((cookie) => cookie.name === 'encours_csrf')?.value ?? '';
      const response = await page.request.post(url(path), { data, headers: { 'x-csrf-token': token } });
      expect(response.status(), path).toBe(200);
      return response.json();
    },
  };
}
