import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'it-samverkan:public';

/** No token needed (only /health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
