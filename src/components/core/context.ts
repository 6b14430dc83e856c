import { createContext } from '@lit/context';
import type { Coordinator } from './coordinator.js';

/** How a `<chiso-dashboard>` hands its coordinator to the views inside it. */
export const coordinatorContext = createContext<Coordinator | undefined>(Symbol('chiso-coordinator'));
