'use strict';
/**
 * autocannon's setupClient for bench/credit.ts (a file, as its worker threads require): every
 * connection sends the bodies in an order of its own. With one list for all, the connections
 * cycled through it in step, so checks arriving together were of the same few customers and a
 * batched statement read each of them several times — cheaper than a real crowd of customers.
 * The requests carry a setupRequest (credit-autocannon-request.cjs): `setRequests` then builds
 * only the first, not all 1,000 while other connections wait for their answers to be read.
 */
let clients = 0;

module.exports = function shuffleRequests(client) {
  const requests = [...client.opts.requests];
  clients++;
  // A fixed pseudo-random order per connection (a linear congruential sequence): runs compare.
  let seed = Math.imul(clients, 2654435761) >>> 0;
  for (let index = requests.length - 1; index > 0; index--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const other = seed % (index + 1);
    [requests[index], requests[other]] = [requests[other], requests[index]];
  }
  client.setRequests(requests);
};
