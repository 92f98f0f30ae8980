import type { TestApp } from './test-app';

/**
 * Walks a paged list (`?page&pageSize`, test/foundation/list-paging.e2e-spec.ts) one row per page:
 * every page holds one row, `next` leads to the following page, together they are the whole list
 * once and in its order; past the last page there are no items; a page size over 500 is refused
 * naming the field. Returns the ids in list order.
 */
export async function walkOneRowPages(t: TestApp, path: string, token: string): Promise<string[]> {
  const whole = await t.http.get(`${path}?pageSize=500`).set(t.auth(token)).expect(200);
  const ids = (whole.body.items as { id: string }[]).map((r) => r.id);
  expect(whole.body).toMatchObject({ page: 1, pageSize: 500, total: ids.length, pages: 1, next: null });
  const seen: string[] = [];
  for (let page: number | null = 1; page !== null;) {
    const res: { body: any } = await t.http
      .get(`${path}?page=${page}&pageSize=1`)
      .set(t.auth(token))
      .expect(200);
    expect(res.body).toMatchObject({ page, pageSize: 1, total: ids.length, pages: ids.length });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.next).toBe(page < ids.length ? page + 1 : null);
    seen.push(res.body.items[0].id);
    page = res.body.next;
  }
  expect(seen).toEqual(ids);
  const past = await t.http
    .get(`${path}?page=${ids.length + 1}&pageSize=1`)
    .set(t.auth(token))
    .expect(200);
  expect(past.body).toMatchObject({ items: [], total: ids.length, next: null });
  const tooBig = await t.http.get(`${path}?pageSize=501`).set(t.auth(token));
  expect([tooBig.status, tooBig.body.details?.map((d: { path: string }) => d.path)]).toEqual([
    400,
    ['pageSize'],
  ]);
  return ids;
}
