'use client';

import jsQR from 'jsqr';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckInAnswer, DoorPerson } from '@/db/check-in';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/field';
import { INVITATION_ROLE_LABELS, REGISTRATION_STATUS_LABELS } from '@/lib/domain';
import { answerWords } from './answer-words';

// The door: scan a badge's QR code with the phone's camera, or find the person by name. Every scan is put in a
// queue kept in localStorage before it is sent, with a key made here; the queue is sent in order whenever the
// browser is online, so scans made while the venue's connection is down are kept (shown as waiting) and arrive
// once — the server answers a key it has seen with its first answer.

type Scan = { deviceKey: string; code?: string; invitationId?: string; label: string; at: string };
type Shown = { tone: 'ok' | 'refused'; text: string };

const queueKey = (meetingId: string) => `council-desk:check-in-queue:${meetingId}`;

function readQueue(meetingId: string): Scan[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(queueKey(meetingId)) ?? '[]');
    return Array.isArray(stored) ? (stored as Scan[]) : [];
  } catch {
    return [];
  }
}

const writeQueue = (meetingId: string, queue: Scan[]) =>
  localStorage.setItem(queueKey(meetingId), JSON.stringify(queue));

function deviceKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };

/** The browser's own QR detector where it has one (Android's Chrome); else jsQR on a frame drawn to a canvas. */
function makeDecoder(): (video: HTMLVideoElement, canvas: HTMLCanvasElement) => Promise<string | null> {
  const Native = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  if (Native) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  return async (video, canvas) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

export function CheckInDesk({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const [queue, setQueue] = useState<Scan[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [online, setOnline] = useState(true);
  const [scanning, setScanning] = useState(false);
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<DoorPerson[] | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const sending = useRef(false);

  /** Sends the waiting scans in order; stops at the first that cannot reach the server, to try again later. */
  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const [next] = readQueue(meetingId);
        if (!next) break;
        let response: Response;
        try {
          response = await fetch(`/staff/meetings/${meetingId}/check-in/scan`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ deviceKey: next.deviceKey, code: next.code, invitationId: next.invitationId }),
          });
        } catch {
          break;
        }
        if (response.status === 401 || response.status === 403) {
          setShown({ tone: 'refused', text: 'Your session has ended or lacks the editor role: sign in again.' });
          break;
        }
        const rest = readQueue(meetingId).filter((s) => s.deviceKey !== next.deviceKey);
        writeQueue(meetingId, rest);
        setQueue(rest);
        if (response.ok) {
          const answer = (await response.json()) as CheckInAnswer;
          setShown({ tone: answer.ok ? 'ok' : 'refused', text: answerWords(answer) });
        } else {
          setShown({ tone: 'refused', text: `Not sent (${next.label}): the server refused it.` });
        }
      }
    } finally {
      sending.current = false;
      setQueue(readQueue(meetingId));
      router.refresh();
    }
  }, [meetingId, router]);

  const enqueue = useCallback(
    (scan: Omit<Scan, 'deviceKey' | 'at'>) => {
      const queued = [...readQueue(meetingId), { ...scan, deviceKey: deviceKey(), at: new Date().toISOString() }];
      writeQueue(meetingId, queued);
      setQueue(queued);
      if (navigator.onLine) void flush();
      else setShown({ tone: 'refused', text: `Offline: ${scan.label} is kept and will be sent when back online.` });
    },
    [flush, meetingId],
  );

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's storage is the source, read after hydration
    setQueue(readQueue(meetingId));
    setOnline(navigator.onLine);
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void flush();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [flush, meetingId]);

  const stopCamera = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setScanning(false);
  }, []);

  useEffect(() => stopCamera, [stopCamera]);

  /** One badge per press: the camera stops at the first code it reads, so a badge held up is counted once. */
  async function scanBadge() {
    setCameraProblem(null);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      setCameraProblem('The camera could not be opened: allow it for this site, or find the person by name.');
      return;
    }
    streamRef.current = stream;
    setScanning(true);
    const video = videoRef.current!;
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    const decode = makeDecoder();
    const tick = async () => {
      if (streamRef.current !== stream) return;
      const code = await decode(video, canvasRef.current!).catch(() => null);
      if (code) {
        stopCamera();
        enqueue({ code: code.trim(), label: 'a scanned badge' });
        return;
      }
      setTimeout(tick, 120);
    };
    void tick();
  }

  async function find(event: React.FormEvent) {
    event.preventDefault();
    const response = await fetch(
      `/staff/meetings/${meetingId}/check-in/people?${new URLSearchParams({ q: search })}`,
    ).catch(() => null);
    if (!response?.ok) {
      setPeople(null);
      setShown({ tone: 'refused', text: 'The search needs the connection: try again when back online.' });
      return;
    }
    setPeople(((await response.json()) as { people: DoorPerson[] }).people);
  }

  return (
    <div className="flex flex-col gap-4">
      <div role="status" aria-live="polite" aria-atomic="true" className="min-h-12">
        {shown && (
          <p
            className={`rounded-md border-l-8 p-3 text-lg font-semibold ${
              shown.tone === 'ok'
                ? 'border-success-700 bg-success-50 text-success-900'
                : 'border-danger-700 bg-danger-50 text-danger-900'
            }`}
          >
            {shown.text}
          </p>
        )}
      </div>

      <section aria-labelledby="scan-heading" className="flex flex-col gap-2">
        <h2 id="scan-heading" className="text-lg font-semibold">
          Scan a badge
        </h2>
        <div className="flex gap-2">
          <button
            type="button"
            className={buttonClass({ variant: 'primary' })}
            onClick={() => void scanBadge()}
            aria-disabled={scanning}
          >
            {scanning ? 'Looking for a QR code…' : 'Scan a badge'}
          </button>
          {scanning && (
            <button type="button" className={buttonClass({ variant: 'secondary' })} onClick={stopCamera}>
              Stop the camera
            </button>
          )}
        </div>
        {cameraProblem && <p className="text-danger-800">{cameraProblem}</p>}
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label="Camera view"
          className={scanning ? 'w-full max-w-sm rounded-md bg-black' : 'hidden'}
        >
          <track kind="captions" />
        </video>
        <canvas ref={canvasRef} className="hidden" aria-hidden="true" />
      </section>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {online ? 'Connection: online' : 'Connection: offline'}
        </h2>
        {queue.length === 0 ? (
          <p className="text-slate-700">No scans waiting.</p>
        ) : (
          <>
            <p className="font-medium">
              {queue.length === 1 ? '1 scan waiting to be sent' : `${queue.length} scans waiting to be sent`}
            </p>
            <ul aria-label="Scans waiting to be sent" className="list-disc pl-5 text-sm">
              {queue.map((scan) => (
                <li key={scan.deviceKey}>
                  Waiting: {scan.label}, {new Date(scan.at).toLocaleTimeString('en-GB')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="find-heading" className="flex flex-col gap-2">
        <h2 id="find-heading" className="text-lg font-semibold">
          Find by name
        </h2>
        <form onSubmit={(event) => void find(event)} className="flex flex-col gap-2" role="search">
          <label htmlFor="door-search" className="text-sm font-medium">
            Name, in Latin or Cyrillic letters
          </label>
          <div className="flex gap-2">
            <input
              id="door-search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className={inputClass}
              autoComplete="off"
            />
            <button type="submit" className={buttonClass({ variant: 'secondary' })}>
              Find
            </button>
          </div>
        </form>
        {people && people.length === 0 && <p>Nobody of this meeting matches.</p>}
        {people && people.length > 0 && (
          <ul aria-label="People found" className="flex flex-col gap-2">
            {people.map((person) => (
              <li key={person.invitationId} className="rounded-md border border-slate-300 p-2">
                <p className="font-semibold">{person.name}</p>
                <p className="text-sm">
                  {person.nameLatin !== person.name && <>{person.nameLatin} · </>}
                  {person.delegation} · {INVITATION_ROLE_LABELS[person.role]} ·{' '}
                  {REGISTRATION_STATUS_LABELS[person.status]}
                </p>
                {person.checkedInAtText ? (
                  <p className="text-sm">Checked in today at {person.checkedInAtText}</p>
                ) : (
                  <button
                    type="button"
                    className={`${buttonClass({ variant: 'secondary' })} mt-1`}
                    onClick={() => {
                      enqueue({ invitationId: person.invitationId, label: person.name });
                      setPeople(null);
                      setSearch('');
                    }}
                  >
                    Check in {person.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
