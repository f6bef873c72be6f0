/**
 * The attachments of an outbox message as bytes. One stored as a PDF job (migration 0028) is
 * rendered the first time the message is built and its bytes kept, so a resend after a crash and
 * the .eml export carry the same file; a job that cannot be rendered fails the message like any
 * message that cannot be built.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import {
  type NewMailAttachment,
  selectMailAttachments,
  storeMailAttachmentContent,
} from '#db/mail/outbox-queries';
import { renderLettersJob } from '#render/letters';

export async function attachmentsOf(
  db: Kysely<Database>,
  companyId: string,
  id: number,
): Promise<NewMailAttachment[]> {
  const stored = await selectMailAttachments(db, companyId, id);
  const ready: NewMailAttachment[] = [];
  for (const attachment of stored) {
    const content =
      attachment.content ??
      (await storeMailAttachmentContent(
        db,
        companyId,
        id,
        attachment.position,
        await renderLettersJob(attachment.renderJob),
      ));
    ready.push({ filename: attachment.filename, contentType: attachment.contentType, content });
  }
  return ready;
}
