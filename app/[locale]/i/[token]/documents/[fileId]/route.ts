import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { openInvitationLink } from '@/db/invitations';
import { findDocumentFile } from '@/db/meeting-documents';
import { notFoundFile, storedFileResponse } from '@/services/uploads/download';

// A document file for a delegate: the invitation link is the key, and it opens only its own meeting's documents for
// delegates (and public ones), while the link itself works.

export async function GET(request: NextRequest, { params }: RouteContext<'/[locale]/i/[token]/documents/[fileId]'>) {
  const { token, fileId } = await params;
  if (!z.uuid().safeParse(fileId).success) return notFoundFile();
  const link = await openInvitationLink(token, new Date(), { withAgenda: false });
  if (!link.ok) return notFoundFile();
  const file = await findDocumentFile(fileId, { as: 'delegate', meetingId: link.opened.meeting.id });
  if (!file) return notFoundFile();
  return storedFileResponse(request, file, { publicCache: false });
}
