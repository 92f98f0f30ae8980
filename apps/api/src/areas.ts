import { Type } from '@nestjs/common';

/** One module per area of the organisation (cost model, on-call, invoicing, agreements, forums). */
export const AREA_MODULES: Type<unknown>[] = [];
