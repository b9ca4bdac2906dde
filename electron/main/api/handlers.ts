import { appHandlers } from '../services/app-service.js';
import { componentsHandlers } from '../services/components-service.js';
import { exportsHandlers } from '../services/exports-service.js';
import { findingsHandlers } from '../services/findings-service.js';
import { jobsHandlers } from '../services/jobs-service.js';
import { projectsHandlers } from '../services/projects-service.js';
import { reviewHandlers } from '../services/review-handlers.js';
import type { ApiHandlers } from './handler-types.js';

/** Every contract method, implemented: a method added to the contract and not here fails to compile. */
export const handlers = {
  ...appHandlers,
  ...projectsHandlers,
  ...componentsHandlers,
  ...findingsHandlers,
  ...jobsHandlers,
  ...exportsHandlers,
  ...reviewHandlers,
} satisfies ApiHandlers;
