import type { StaffRole } from '@/lib/domain';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      email: string;
      name?: string | null;
      role: StaffRole;
      active: boolean;
      timeZone: string | null;
    };
  }
}

declare module '@auth/core/adapters' {
  interface AdapterUser {
    role: StaffRole;
    active: boolean;
    timeZone: string | null;
  }
}
