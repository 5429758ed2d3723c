import { Notice } from '@/components/ui/notice';

export function CapturedMailNotice() {
  return (
    <Notice tone="warning">
      <strong>Mail is captured, not delivered.</strong> No mail server is configured (SMTP_URL is not set), so no email
      leaves this installation: every message is kept here instead. Set SMTP_URL to deliver mail.
    </Notice>
  );
}
