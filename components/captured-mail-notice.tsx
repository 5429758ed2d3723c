export function CapturedMailNotice() {
  return (
    <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong>Mail is captured, not delivered.</strong> No mail server is configured (SMTP_URL is not set), so no email
      leaves this installation: every message is kept here instead. Set SMTP_URL to deliver mail.
    </p>
  );
}
