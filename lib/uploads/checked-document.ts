import { UploadRefused } from '@/lib/uploads/upload-refused';
import { checkHead, checkTail, HEAD_BYTES, TAIL_BYTES, type DocumentType } from '@/lib/uploads/document-file';

/**
 * Passes a document's bytes through while checking them against the declared type: the first bytes before anything
 * is stored (a renamed executable is stopped at once), the ZIP directory at the end. Holds at most TAIL_BYTES.
 */
export async function* checkedDocument(source: AsyncIterable<Uint8Array>, type: DocumentType) {
  let head: Buffer | null = Buffer.alloc(0);
  const tail: Uint8Array[] = [];
  let tailBytes = 0;
  for await (const piece of source) {
    if (head) {
      head = Buffer.concat([head, piece]);
      if (head.length < HEAD_BYTES) continue;
      const problem = checkHead(head, type);
      if (problem) throw new UploadRefused(problem);
      const first = head;
      head = null;
      yield* keep(first);
      continue;
    }
    yield* keep(piece);
  }
  if (head) {
    const problem = checkHead(head, type);
    if (problem) throw new UploadRefused(problem);
    yield* keep(head);
  }
  const problem = checkTail(Buffer.concat(tail, tailBytes), type);
  if (problem) throw new UploadRefused(problem);

  function* keep(piece: Uint8Array) {
    tail.push(piece);
    tailBytes += piece.length;
    while (tail.length > 1 && tailBytes - tail[0]!.length >= TAIL_BYTES) tailBytes -= tail.shift()!.length;
    yield piece;
  }
}
