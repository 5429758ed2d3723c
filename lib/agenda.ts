/** For each item, the other items in the same room whose times overlap it (by id). */
export function roomOverlaps(
  items: { id: string; room: string | null; startsAt: Date; endsAt: Date }[],
): Map<string, string[]> {
  const overlaps = new Map<string, string[]>();
  for (const a of items) {
    const room = a.room?.trim().toLowerCase();
    if (!room) continue;
    const clashing = items.filter(
      (b) => b.id !== a.id && b.room?.trim().toLowerCase() === room && b.startsAt < a.endsAt && a.startsAt < b.endsAt,
    );
    if (clashing.length)
      overlaps.set(
        a.id,
        clashing.map((b) => b.id),
      );
  }
  return overlaps;
}
