/**
 * The audit log's entities whose entries are keyed by a customer's code: the store reads a
 * customer's entries and their name through them (src/db/audit), the page links their key to the
 * customer's file (src/text/audit.ts). One list, so that a name never shows without its link.
 */
export const CUSTOMER_KEYED_ENTITIES = ['customer', 'credit_limit', 'credit_score', 'insurer_cover'] as const;
