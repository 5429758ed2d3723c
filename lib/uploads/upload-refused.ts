/** Thrown by a source to stop a write (the content is not what it claims); the partial file is removed. */
export class UploadRefused extends Error {
  constructor(readonly reason: string) {
    super(`upload refused: ${reason}`);
    this.name = 'UploadRefused';
  }
}
