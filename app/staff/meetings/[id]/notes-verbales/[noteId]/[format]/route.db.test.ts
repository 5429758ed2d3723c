import { describe, expect, it, vi } from 'vitest';
import { issueNoteVerbaleByStaff } from '@/db/notes-verbales';
import { createMeeting } from '@/test/factories';
import { docxText, pdfText } from '@/test/documents';
import { actAs } from '@/test/session';
import { createStaff } from '@/test/staff';
import { GET } from './route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

const download = (id: string, noteId: string, format: string) =>
  GET(new Request(`http://localhost/staff/meetings/${id}/notes-verbales/${noteId}/${format}`), {
    params: Promise.resolve({ id, noteId, format }),
  });

describe('a note verbale’s files', () => {
  it('are refused to the signed-out, and given to any staff member as DOCX and PDF', async () => {
    const meeting = await createMeeting();
    const issued = await issueNoteVerbaleByStaff(await createStaff('editor'), meeting.id, {
      language: 'en',
      addressee: 'Ministry of Foreign Affairs of Mongolia',
      quota: 2,
      nominationDeadline: null,
    });
    if (!issued.ok) throw new Error('not issued');
    await actAs(null);
    expect((await download(meeting.id, issued.id, 'pdf')).status).toBe(307);
    await actAs('viewer');
    const pdf = await download(meeting.id, issued.id, 'pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="${issued.reference.replaceAll('/', '-')}.pdf"`,
    );
    expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('Ministry of Foreign Affairs of Mongolia');
    const docx = await download(meeting.id, issued.id, 'docx');
    expect(await docxText(Buffer.from(await docx.arrayBuffer()))).toContain(issued.reference);
    expect((await download(meeting.id, issued.id, 'txt')).status).toBe(404);
    expect((await download(meeting.id, crypto.randomUUID(), 'pdf')).status).toBe(404);
    expect((await download((await createMeeting()).id, issued.id, 'pdf')).status).toBe(404);
  });
});
