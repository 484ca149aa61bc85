import { z } from 'zod';
import { Ulid } from './ids';

export const Role = z.enum(['operator', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

/** A member of the centre's staff who signs in to a workstation. */
export const Operator = z.object({
  id: Ulid,
  name: z.string().min(1),
  displayName: z.string().min(1),
  role: Role,
});
export type Operator = z.infer<typeof Operator>;
