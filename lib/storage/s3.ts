import 'server-only';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { env } from '@/lib/env';

// S3-compatible object storage, used instead of the database's chunks when S3_BUCKET is set (db/file-storage.ts).

let client: S3Client | undefined;

export function s3Configured(): boolean {
  return Boolean(env().S3_BUCKET);
}

function s3(): { client: S3Client; bucket: string } {
  const settings = env();
  if (!settings.S3_BUCKET) throw new Error('S3 storage is not configured (S3_BUCKET)');
  client ??= new S3Client({
    region: settings.S3_REGION,
    ...(settings.S3_ENDPOINT && { endpoint: settings.S3_ENDPOINT }),
    forcePathStyle: settings.S3_FORCE_PATH_STYLE === 'true',
    // The SDK's default integrity checksums (aws-chunked bodies with trailers) are not understood by many
    // S3-compatible stores; ask for them only where the API requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.S3_ACCESS_KEY_ID &&
      settings.S3_SECRET_ACCESS_KEY && {
        credentials: { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY },
      }),
  });
  return { client, bucket: settings.S3_BUCKET };
}

/**
 * Streams `body` into the object `key` as a multipart upload: one 5 MiB part (S3's least) is sent while the next is
 * filled, whatever the file's size.
 */
export async function putObject(key: string, body: Readable, contentType: string): Promise<void> {
  const { client, bucket } = s3();
  await new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType },
    partSize: 5 * 1024 * 1024,
    queueSize: 1,
    leavePartsOnError: false,
  }).done();
}

/** The object's bytes from `start` to `end` (inclusive), as a stream read as the client reads. */
export async function getObjectStream(key: string, start: number, end: number): Promise<ReadableStream<Uint8Array>> {
  const { client, bucket } = s3();
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }));
  if (!answer.Body) throw new Error(`S3 object ${key} has no body`);
  return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
}

export async function deleteObject(key: string): Promise<void> {
  const { client, bucket } = s3();
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
