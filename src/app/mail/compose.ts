/**
 * The RFC 5322 bytes of an outbox message, built by nodemailer's MailComposer. Everything that
 * MailComposer would otherwise make up (Message-ID, Date, MIME boundaries) comes from the stored
 * row, so the .eml export and every send attempt are the same bytes.
 */
import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailRow, NewMailAttachment } from '#db/mail/outbox-queries';

export type ComposableMail = Pick<
  MailRow,
  'from' | 'to' | 'cc' | 'bcc' | 'replyTo' | 'subject' | 'html' | 'text' | 'messageIdHeader' | 'createdAt'
>;

export async function composeEml(
  mail: ComposableMail,
  attachments: readonly NewMailAttachment[],
): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    // Bcc recipients are in the SMTP envelope only; the message itself never names them.
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    attachments: attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    messageId: mail.messageIdHeader,
    date: mail.createdAt,
    baseBoundary: createHash('sha256').update(mail.messageIdHeader).digest('hex').slice(0, 16),
    xMailer: false,
    // RFC 5322 line ends in the file too, as SMTP would otherwise rewrite bare LFs on the wire.
    newline: '\r\n',
    // No URL or file may be read while composing: the content is what was stored.
    disableUrlAccess: true,
    disableFileAccess: true,
  });
  return composer.compile().build();
}

/** SMTP envelope: every recipient (to, cc and bcc) and the sender's bare address. */
export function envelopeOf(mail: Pick<MailRow, 'from' | 'to' | 'cc' | 'bcc'>): {
  from: string;
  to: string[];
} {
  const bare = (value: string) => addressparser(value, { flatten: true }).map((entry) => entry.address);
  return {
    from: bare(mail.from)[0] ?? mail.from,
    to: [...new Set([...mail.to, ...mail.cc, ...mail.bcc].flatMap(bare))],
  };
}
