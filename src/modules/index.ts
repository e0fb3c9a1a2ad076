import type { BusinessModule } from '../compose/module.js';
import type { CoreModuleId } from '../taxonomy/types.js';
import { appointments } from './appointments.js';
import { bookings } from './bookings.js';
import { campaigns } from './campaigns.js';
import { customers } from './customers.js';
import { donations } from './donations.js';
import { enrolments } from './enrolments.js';
import { listings } from './listings.js';
import { locations } from './locations.js';
import { offerings } from './offerings.js';
import { orders } from './orders.js';
import { policies } from './policies.js';
import { production } from './production.js';
import { projects } from './projects.js';
import { staff } from './staff.js';
import { subscriptions } from './subscriptions.js';
import { support } from './support.js';

/** The shared modules, in the order composition builds them (a module after the roles it needs). */
export const SHARED_MODULES = { locations, offerings, customers, staff, campaigns, support } as const;

/** The core business-model modules built so far; an industry's other modules are skipped with a note. */
export const CORE_MODULES: Partial<Record<CoreModuleId, BusinessModule>> = { projects, orders, production, donations, subscriptions, appointments, bookings, enrolments, policies, listings };
