/** The built-in template library, in the order the picker shows it. */
import type { BoardTemplate } from '../types';
import { blank } from './blank';
import { campaignExecution } from './campaign-execution';
import { conferenceEvent } from './conference-event';
import { customerComplaint } from './customer-complaint';
import { designReview } from './design-review';
import { holidayPromotion } from './holiday-promotion';
import { marketResearch } from './market-research';
import { monthlySalesPlan } from './monthly-sales-plan';
import { prActivity } from './pr-activity';
import { promoMaterialProduction } from './promo-material-production';
import { storeOpening } from './store-opening';

export const BUILTIN_TEMPLATES: readonly BoardTemplate[] = [
  blank,
  campaignExecution,
  designReview,
  conferenceEvent,
  marketResearch,
  holidayPromotion,
  storeOpening,
  promoMaterialProduction,
  prActivity,
  monthlySalesPlan,
  customerComplaint
];
