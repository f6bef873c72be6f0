/**
 * A digest of the order check's answers, to show that a change of the check's reads or code
 * answers the same: 3,003 question checks (no order reference, so nothing is written and the
 * digest can be taken again on the same database) over the bench's customers, with mixed amounts,
 * French and English, prepaid and cash-on-delivery orders, an unknown customer and an empty order,
 * sent 24 at a time. Each answer's status, headers (but the date and the request id, which change
 * on every call) and body are hashed in the order the requests were made, not answered.
 */
import { createHash } from 'node:crypto';

const CONCURRENT = 24;
const VARYING_HEADERS = new Set(['date', 'x-request-id']);

interface CheckRequest {
  query: string;
  body: Record<string, unknown>;
}

/** Three requests per customer, then the unknown customer (both languages) and an empty order. */
function checkRequests(codes: readonly string[]): CheckRequest[] {
  const requests: CheckRequest[] = [];
  codes.forEach((customerCode, index) => {
    requests.push({ query: '', body: { customerCode, amountMinor: 10_000 * (1 + (index % 50)) } });
    requests.push({ query: '?lang=en', body: { customerCode, amountMinor: 7_919 * (1 + (index % 97)) } });
    const payment = index % 2 === 0 ? 'prepaid' : 'cod';
    requests.push({ query: '', body: { customerCode, amountMinor: 50_000_000 + index, payment } });
  });
  requests.push({ query: '', body: { customerCode: 'NO-SUCH-CUSTOMER', amountMinor: 1_000 } });
  requests.push({ query: '?lang=en', body: { customerCode: 'NO-SUCH-CUSTOMER', amountMinor: 1_000 } });
  if (codes[0] !== undefined) requests.push({ query: '', body: { customerCode: codes[0], amountMinor: 0 } });
  return requests;
}

async function answerText(url: string, headers: Record<string, string>, request: CheckRequest) {
  const response = await fetch(`${url}${request.query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(request.body),
  });
  const kept: string[] = [];
  response.headers.forEach((value, name) => {
    if (!VARYING_HEADERS.has(name)) kept.push(`${name}: ${value}`);
  });
  kept.sort();
  const body = await response.text();
  const decision = response.ok ? String((JSON.parse(body) as { decision?: unknown }).decision) : 'none';
  return { status: response.status, decision, text: `${response.status}\n${kept.join('\n')}\n\n${body}` };
}

/** The digest of every answer (in request order), their count, and the counts by status and decision. */
export async function answersDigest(url: string, headers: Record<string, string>, codes: readonly string[]) {
  const requests = checkRequests(codes);
  const answers: string[] = new Array(requests.length);
  const statuses: Record<number, number> = {};
  const decisions: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const { status, decision, text } = await answerText(url, headers, requests[index] as CheckRequest);
      answers[index] = text;
      statuses[status] = (statuses[status] ?? 0) + 1;
      decisions[decision] = (decisions[decision] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, worker));
  const hash = createHash('sha256');
  for (const answer of answers) hash.update(answer).update('\u0000');
  return { answers: answers.length, statuses, decisions, sha256: hash.digest('hex') };
}
