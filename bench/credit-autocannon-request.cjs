'use strict';
/**
 * autocannon's setupRequest for bench/credit.ts (a file, as its worker threads require): it
 * changes nothing, but a request that has one is built when it is sent instead of when its
 * connection is set up. Without it, each of the 20 connections built its 1,000 requests twice
 * (autocannon's own list, then the shuffled one: about 8 ms a connection on a quiet machine), one
 * connection after the other in the generator's thread, while the connections already set up had
 * sent their first request: those answers waited unread, up to the whole set-up (150 ms and more),
 * and were timed from their send. At a fixed rate autocannon counts an answer of L ms L times
 * (see credit-autocannon-trace.ts), so those 20 answers made the run's p99. Built when sent, a
 * request costs the generator a few microseconds more.
 */
module.exports = function buildWhenSent(request) {
  return request;
};
