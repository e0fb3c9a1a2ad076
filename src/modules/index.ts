import type { BusinessModule } from '../compose/module.js';
import type { CoreModuleId } from '../taxonomy/types.js';
import { appointments } from './appointments.js';
import { bookings } from './bookings.js';
import { campaigns } from './campaigns.js';
import { content } from './content.js';
import { customers } from './customers.js';
import { donations } from './donations.js';
import { encounters } from './encounters.js';
import { enrolments } from './enrolments.js';
import { listings } from './listings.js';
import { locations } from './locations.js';
import { offerings } from './offerings.js';
import { orders } from './orders.js';
import { players } from './players.js';
import { policies } from './policies.js';
import { production } from './production.js';
import { projects } from './projects.js';
import { shipments } from './shipments.js';
import { staff } from './staff.js';
import { subscriptions } from './subscriptions.js';
import { support } from './support.js';
import { usage } from './usage.js';

/** The shared modules, in the order composition builds them (a module after the roles it needs). */
export const SHARED_MODULES = { locations, offerings, customers, staff, campaigns, support } as const;

/** The core business-model modules built so far; an industry's other modules are skipped with a warning. */
export const CORE_MODULES: Partial<Record<CoreModuleId, BusinessModule>> = {
  projects, orders, production, donations, subscriptions, appointments, bookings, enrolments, policies, listings, shipments, content, players, usage, encounters,
};
