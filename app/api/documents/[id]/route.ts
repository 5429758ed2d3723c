import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { findDocumentFile } from '@/db/meeting-documents';
import { notFoundFile, storedFileResponse } from '@/services/uploads/download';
import { getCurrentStaff } from '@/services/auth/staff';

// A meeting document's file: a public document's current file for anyone; any file (earlier versions, documents for
// delegates or staff only, withdrawn ones) for signed-in staff. Delegates download theirs under their invitation
// link (app/[locale]/i/[token]/documents). Refusals look like a missing file, so ids reveal nothing.

export async function GET(request: NextRequest, { params }: RouteContext<'/api/documents/[id]'>) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFoundFile();
  const asPublic = await findDocumentFile(id, { as: 'public' });
  if (asPublic) return storedFileResponse(request, asPublic, { publicCache: true });
  const asStaff = await findDocumentFile(id, { as: 'staff', staff: await getCurrentStaff() });
  if (asStaff) return storedFileResponse(request, asStaff, { publicCache: false });
  return notFoundFile();
}
